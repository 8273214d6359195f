using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MultiRegion.Infra.Orchestration;
using MultiRegion.Infra.Orchestration.Display;

namespace MultiRegion.Infra.Tests.Orchestration;

public sealed class DisplayTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plain_lines_carry_the_time_the_stack_the_state_and_why()
    {
        var time = new FakeTimeProvider(Noon.AddSeconds(1));
        var writer = new StringWriter();
        var plain = new PlainProgressWriter(writer, time);

        plain.OnStackChanged(new StackOutcome("us-east-1", StackState.Queued));
        plain.OnStackChanged(new StackOutcome("us-east-1", StackState.Running, null, Noon));
        plain.OnStackChanged(new StackOutcome("us-east-1", StackState.Failed, "exit code 255: error: quota", Noon, Noon.AddSeconds(43.2), "/p/.multiregion/logs/r/us-east-1.log"));
        plain.OnStackChanged(new StackOutcome("cross-region", StackState.Skipped, "dependency us-east-1 failed"));

        Assert.Equal(
            [
                "[12:00:01] us-east-1 running",
                "[12:00:01] us-east-1 failed in 43.2s: exit code 255: error: quota (log: /p/.multiregion/logs/r/us-east-1.log)",
                "[12:00:01] cross-region skipped: dependency us-east-1 failed",
            ],
            writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_summary_table_lists_every_stack_and_the_totals()
    {
        var result = new OrchestrationResult(
            StackOperation.Up,
            [
                new StackOutcome("global", StackState.Succeeded, "+ 5 created", Noon, Noon.AddSeconds(12), "/p/.multiregion/logs/r/global.log"),
                new StackOutcome("us-east-1", StackState.Failed, "exit code 1", Noon.AddSeconds(12), Noon.AddSeconds(75), "/p/.multiregion/logs/r/us-east-1.log"),
                new StackOutcome("cross-region", StackState.Skipped, "dependency us-east-1 failed"),
            ],
            Noon,
            Noon.AddSeconds(75));
        var writer = new StringWriter();

        RunTables.WriteSummary(RunTables.ConsoleFor(writer, interactive: false), result, "pulumi", "/p");

        var text = writer.ToString();
        Assert.Contains("up (target pulumi)", text, StringComparison.Ordinal);
        Assert.Contains(".multiregion/logs/r/us-east-1.log", text, StringComparison.Ordinal);
        Assert.DoesNotContain("global.log", text, StringComparison.Ordinal);
        Assert.Contains("1m03s", text, StringComparison.Ordinal);
        Assert.Contains("dependency us-east-1 failed", text, StringComparison.Ordinal);
        Assert.Contains("up: 1 succeeded, 1 failed, 1 skipped in 1m15s", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_table_shows_while_the_run_goes_and_returns_its_result()
    {
        var writer = new StringWriter();
        var live = new LiveProgressTable(RunTables.ConsoleFor(writer, interactive: false), TimeProvider.System, "up (target memory)", null);
        var runner = new InMemoryStackRunner();

        var result = await live.ShowWhileAsync(() => new Orchestrator(runner, TimeProvider.System).RunAsync(TestPlans.Example(), new OrchestrationRequest(StackOperation.Up, TestPlans.Example().Order), live, TestContext.Current.CancellationToken));

        Assert.True(result.Succeeded);
        Assert.Contains("cross-region", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_has_every_stack_with_times_and_log()
    {
        var result = new OrchestrationResult(
            StackOperation.Destroy,
            [new StackOutcome("cross-region", StackState.Succeeded, "- 20 deleted", Noon, Noon.AddSeconds(1.5), "/p/l/cross-region.log"), new StackOutcome("global", StackState.Skipped, "dependent x failed")],
            Noon,
            Noon.AddSeconds(2));

        using var document = JsonDocument.Parse(RunReport.From("run-1", "pulumi", result).ToJson());

        var root = document.RootElement;
        Assert.Equal("destroy", root.GetProperty("operation").GetString());
        Assert.Equal(2.0, root.GetProperty("durationSeconds").GetDouble());
        var first = root.GetProperty("stacks")[0];
        Assert.Equal(("cross-region", "succeeded", 1.5, "/p/l/cross-region.log"), (first.GetProperty("stack").GetString(), first.GetProperty("state").GetString(), first.GetProperty("durationSeconds").GetDouble(), first.GetProperty("log").GetString()));
        var skipped = root.GetProperty("stacks")[1];
        Assert.Equal(JsonValueKind.Null, skipped.GetProperty("startedAt").ValueKind);
        Assert.Equal("dependent x failed", skipped.GetProperty("summary").GetString());
    }
}
