using System.Text.Json;
using MultiRegion.Components.Configuration;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Example;
using MultiRegion.Infra.Orchestration;

namespace MultiRegion.Infra.Tests.Orchestration;

/// <summary>
/// <c>multiregion up|preview|refresh|destroy</c> end to end: the repository's real example project (Pulumi.yaml and
/// stacks/ copied to a temp folder, so logs and state land there) against the fake pulumi.
/// </summary>
public sealed class OrchestrationCommandTests : IDisposable
{
    private readonly FakePulumi _pulumi = new();
    private readonly string _project = ExampleProject.CopyToTemp();

    public void Dispose()
    {
        _pulumi.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    private async Task<(int ExitCode, string Out, string Error)> Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await MultiRegionCli.RunAsync([.. args, "--project", _project], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private Task<(int ExitCode, string Out, string Error)> Pulumi(params string[] args) => Cli([.. args, "--target", "pulumi", "--pulumi", _pulumi.Executable]);

    [Fact]
    public async Task Up_deploys_the_example_plan_in_its_dependency_order()
    {
        var plan = Platforms.SynthesizerFor(ProjectLoader.LoadDirectory(_project)).Plan();

        var (exit, stdout, stderr) = await Pulumi("up");

        Assert.True(exit == 0, stdout + stderr);
        var ops = _pulumi.Operations().ToDictionary(o => o.Stack);
        Assert.Equal(plan.Order.Order(), ops.Keys.Order());
        foreach (var stack in plan.Stacks)
        {
            foreach (var dependency in stack.DependsOn)
            {
                Assert.True(ops[dependency].End <= ops[stack.Name].Start, $"{stack.Name} started before {dependency} ended");
            }
        }

        Assert.Contains("global running", stdout, StringComparison.Ordinal);
        Assert.Contains("cross-region succeeded", stdout, StringComparison.Ordinal);
        Assert.Contains($"up: {plan.Stacks.Count} succeeded", stdout, StringComparison.Ordinal);
        var logs = Directory.GetDirectories(Path.Combine(_project, ".multiregion", "logs")).Single();
        Assert.Equal(plan.Order.Select(s => $"{s}.log").Order(), Directory.GetFiles(logs).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_re_run_after_a_partial_failure_converges_and_resume_runs_only_what_is_unfinished()
    {
        _pulumi.Fail("up", "us-west-2");

        var first = await Pulumi("up");

        Assert.Equal(ExitCodes.Failure, first.ExitCode);
        Assert.Contains("us-west-2 failed", first.Out, StringComparison.Ordinal);
        Assert.Contains("cross-region skipped: dependency us-west-2 failed", first.Out, StringComparison.Ordinal);
        Assert.Contains("--resume", first.Out, StringComparison.Ordinal);
        var state = RunStateStore.ForProject(_project).Load()!;
        Assert.Equal("failed", state.Stacks["us-west-2"].State);
        Assert.Equal("skipped", state.Stacks["cross-region"].State);
        Assert.Equal("succeeded", state.Stacks["global"].State);

        _pulumi.Heal("up", "us-west-2");
        var before = _pulumi.Operations().Count;
        var resumed = await Pulumi("up", "--resume");

        Assert.True(resumed.ExitCode == 0, resumed.Out + resumed.Error);
        Assert.Equal(["us-west-2", "cross-region"], _pulumi.Operations().Skip(before).Select(o => o.Stack));
        Assert.All(RunStateStore.ForProject(_project).Load()!.Stacks.Values, s => Assert.Equal("succeeded", s.State));

        var again = await Pulumi("up", "--resume");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("nothing to resume", again.Out, StringComparison.Ordinal);

        // A plain re-run (no --resume) runs everything again: pulumi up is idempotent.
        before = _pulumi.Operations().Count;
        Assert.Equal(0, (await Pulumi("up")).ExitCode);
        Assert.Equal(6, _pulumi.Operations().Count - before);
    }

    [Fact]
    public async Task Json_prints_one_document_with_every_stack_outcome()
    {
        _pulumi.Fail("preview", "global");

        var (exit, stdout, _) = await Pulumi("preview", "--json");

        Assert.Equal(ExitCodes.Failure, exit);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.Equal("preview", root.GetProperty("operation").GetString());
        Assert.Equal("pulumi", root.GetProperty("target").GetString());
        Assert.False(root.GetProperty("succeeded").GetBoolean());
        var stacks = root.GetProperty("stacks").EnumerateArray().ToDictionary(s => s.GetProperty("stack").GetString()!);
        Assert.Equal(6, stacks.Count);
        Assert.Equal("failed", stacks["global"].GetProperty("state").GetString());
        Assert.True(File.Exists(stacks["global"].GetProperty("log").GetString()));
        Assert.True(stacks["global"].GetProperty("durationSeconds").GetDouble() > 0);
        Assert.Equal("skipped", stacks["cross-region"].GetProperty("state").GetString());
        Assert.Equal("dependency global failed", stacks["cross-region"].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Destroy_of_a_slice_with_its_dependents_goes_dependents_first()
    {
        var (exit, stdout, stderr) = await Pulumi("destroy", "--stack", "us-east-1", "--include-dependents", "--parallel", "1");

        Assert.True(exit == 0, stdout + stderr);
        var order = _pulumi.Operations().Select(o => o.Stack).ToArray();
        Assert.Equal("cross-region", order[0]);
        Assert.Equal("us-east-1", order[^1]);
        Assert.DoesNotContain("global", order);
        Assert.All(_pulumi.Operations(), o => Assert.Equal("destroy", o.Verb));
    }

    [Fact]
    public async Task Destroying_a_stack_without_its_dependents_warns()
    {
        var (exit, _, stderr) = await Pulumi("destroy", "--stack", "us-east-1");

        Assert.Equal(0, exit);
        // The secondaries (their Aurora clusters join the primary's global cluster) and cross-region reference it.
        Assert.Contains("warning: destroying us-east-1 while ap-southeast-1, cross-region, eu-central-1, us-west-2 (which reference it)", stderr, StringComparison.Ordinal);
        Assert.Equal(["us-east-1"], _pulumi.Operations().Select(o => o.Stack));
    }

    [Fact]
    public async Task Refresh_with_a_slice_and_its_dependencies()
    {
        var (exit, stdout, stderr) = await Pulumi("refresh", "--stack", "cross-region", "--include-dependencies", "--parallel", "2");

        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal(6, _pulumi.Operations().Count);
        Assert.True(FakePulumi.MaxConcurrent(_pulumi.Operations()) <= 2);
        Assert.Equal("cross-region", _pulumi.Operations()[^1].Stack);
    }

    [Fact]
    public async Task An_unknown_target_is_a_clear_error_naming_the_targets_and_runs_nothing()
    {
        var (exit, _, stderr) = await Cli("up", "--target", "mars");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("target 'mars' is not available in this build; available: pulumi, sandbox", stderr, StringComparison.Ordinal);
        Assert.Empty(_pulumi.Invocations());
    }

    [Fact]
    public async Task A_missing_pulumi_cli_names_what_to_install()
    {
        var (exit, _, stderr) = await Cli("up", "--target", "pulumi", "--pulumi", Path.Combine(_project, "no-such-pulumi"));

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("https://www.pulumi.com/docs/install/", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_logged_in_stops_before_any_stack_runs()
    {
        _pulumi.NotLoggedIn();

        var (exit, _, stderr) = await Pulumi("up");

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("run `pulumi login`", stderr, StringComparison.Ordinal);
        Assert.Empty(_pulumi.Operations());
    }

    [Theory]
    [InlineData("--stack", "us-east-9", "unknown stack 'us-east-9'")]
    [InlineData("--parallel", "0", "--parallel: must be at least 1")]
    public async Task Bad_flags_are_usage_errors(string flag, string value, string message)
    {
        var (exit, _, stderr) = await Pulumi("up", flag, value);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_without_a_recorded_run_says_so()
    {
        var (exit, _, stderr) = await Pulumi("up", "--resume");

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("--resume: no run is recorded", stderr, StringComparison.Ordinal);
    }
}
