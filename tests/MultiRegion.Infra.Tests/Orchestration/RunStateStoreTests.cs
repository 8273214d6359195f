using MultiRegion.Infra.Orchestration;

namespace MultiRegion.Infra.Tests.Orchestration;

public sealed class RunStateStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("multiregion-state-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void No_file_is_no_state() => Assert.Null(RunStateStore.ForProject(_directory).Load());

    [Fact]
    public void The_recorder_keeps_earlier_records_of_stacks_this_run_does_not_touch()
    {
        var store = RunStateStore.ForProject(_directory);
        var start = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var first = new RunStateRecorder(store, null, new RunRecord("run-1", "up", "pulumi", start, null, ["global", "us-east-1"]));
        first.OnStackChanged(new StackOutcome("global", StackState.Queued));
        first.OnStackChanged(new StackOutcome("global", StackState.Succeeded, "ok", start, start.AddSeconds(5), "/logs/global.log"));
        first.OnStackChanged(new StackOutcome("us-east-1", StackState.Running, null, start));
        Assert.Equal("running", store.Load()!.Stacks["us-east-1"].State);

        var second = new RunStateRecorder(store, store.Load(), new RunRecord("run-2", "up", "pulumi", start.AddMinutes(1), null, ["us-east-1"]));
        second.OnStackChanged(new StackOutcome("us-east-1", StackState.Failed, "exit code 1", start, start.AddSeconds(3), null));
        second.Complete(start.AddMinutes(2));

        var state = store.Load()!;
        Assert.Equal("run-2", state.LastRun!.RunId);
        Assert.Equal(start.AddMinutes(2), state.LastRun.EndedAt);
        Assert.Equal(("succeeded", "run-1", "/logs/global.log"), (state.Stacks["global"].State, state.Stacks["global"].RunId, state.Stacks["global"].Log));
        Assert.Equal(("failed", "run-2", "exit code 1"), (state.Stacks["us-east-1"].State, state.Stacks["us-east-1"].RunId, state.Stacks["us-east-1"].Summary));
    }

    [Fact]
    public void A_damaged_file_is_reported_not_thrown_as_json_noise()
    {
        var store = RunStateStore.ForProject(_directory);
        Directory.CreateDirectory(Path.GetDirectoryName(store.Path)!);
        File.WriteAllText(store.Path, "{ not json");

        var error = Assert.Throws<InvalidDataException>(store.Load);

        Assert.Contains("is not a multiregion state file", error.Message, StringComparison.Ordinal);
    }
}
