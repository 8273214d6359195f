using MultiRegion.Components.Planning;
using MultiRegion.Infra.Orchestration;
using MultiRegion.Infra.Orchestration.Pulumi;

namespace MultiRegion.Infra.Tests.Orchestration;

/// <summary>The Pulumi target against a fake <c>pulumi</c> script, driven by the orchestrator over hand-built plans.</summary>
public sealed class PulumiStackRunnerTests : IDisposable
{
    private readonly FakePulumi _pulumi = new();
    private readonly string _project = Directory.CreateTempSubdirectory("multiregion-project-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _pulumi.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    private PulumiStackRunner Runner() => new(new PulumiRunnerOptions(_pulumi.Executable, _project, CancelGracePeriod: TimeSpan.FromSeconds(0.5)));

    private async Task<OrchestrationResult> Run(StackPlan plan, StackOperation operation = StackOperation.Up, int parallel = 4, bool failFast = false, IEnumerable<string>? stacks = null)
    {
        using var runner = Runner();
        await runner.PreflightAsync(Ct);
        var request = new OrchestrationRequest(operation, (stacks ?? plan.Order).ToArray(), parallel, failFast, Path.Combine(_project, "logs"));
        return await new Orchestrator(runner, TimeProvider.System).RunAsync(plan, request, null, Ct);
    }

    [Fact]
    public async Task Each_stack_is_selected_then_run_with_the_documented_arguments_in_the_project_folder()
    {
        var result = await Run(TestPlans.Example(), stacks: ["global"]);

        Assert.True(result.Succeeded);
        var calls = _pulumi.Invocations();
        Assert.Equal(["whoami", "stack-select", "up"], calls.Select(c => c.Verb));
        Assert.Equal("stack select --create --stack global --non-interactive", calls[1].Arguments);
        Assert.Equal("up --stack global --yes --non-interactive --skip-preview", calls[2].Arguments);
        Assert.All(calls, c => Assert.Equal(_project, c.WorkingDirectory));
        Assert.Equal("+ 3 created, 2 unchanged", result["global"].Summary);
    }

    [Theory]
    [InlineData(StackOperation.Preview, "preview --stack global --non-interactive")]
    [InlineData(StackOperation.Refresh, "refresh --stack global --yes --non-interactive --skip-preview")]
    [InlineData(StackOperation.Destroy, "destroy --stack global --yes --non-interactive --skip-preview")]
    public async Task Every_operation_has_its_arguments(StackOperation operation, string expected)
    {
        await Run(TestPlans.Example(), operation, stacks: ["global"]);

        Assert.Equal(expected, _pulumi.Operations().Single().Arguments);
    }

    [Fact]
    public async Task A_stack_that_cannot_be_selected_is_initialised()
    {
        _pulumi.SelectFails();

        var result = await Run(TestPlans.Example(), stacks: ["us-east-1"]);

        Assert.True(result.Succeeded);
        Assert.Equal(["whoami", "stack-select", "stack-init", "up"], _pulumi.Invocations().Select(c => c.Verb));
        Assert.Equal("stack init --stack us-east-1 --non-interactive", _pulumi.Invocations()[2].Arguments);
    }

    [Fact]
    public async Task A_stack_that_can_be_neither_selected_nor_created_fails_with_pulumis_error()
    {
        _pulumi.SelectFails();
        File.WriteAllText(Path.Combine(_pulumi.Directory, "pulumi"), File.ReadAllText(_pulumi.Executable).Replace(
            "echo \"Created stack '$stack'\"; record ok; exit 0",
            "echo \"error: stack names may only contain alphanumerics\" >&2; record failed; exit 255",
            StringComparison.Ordinal));

        var result = await Run(TestPlans.Example(), stacks: ["global"]);

        Assert.Equal(StackState.Failed, result["global"].State);
        Assert.Equal("cannot select or create stack 'global': error: stack names may only contain alphanumerics", result["global"].Summary);
        Assert.Empty(_pulumi.Operations());
    }

    [Fact]
    public async Task Stdout_and_stderr_lines_are_streamed_into_the_stack_log()
    {
        var result = await Run(TestPlans.Example(), stacks: ["global"]);

        var log = await File.ReadAllTextAsync(result["global"].LogPath!, Ct);
        Assert.Contains("$ pulumi up --stack global --yes --non-interactive --skip-preview", log, StringComparison.Ordinal);
        Assert.Contains("Updating (global):", log, StringComparison.Ordinal);
        Assert.Contains("diagnostic for global", log, StringComparison.Ordinal);
        Assert.Contains("+ 3 created", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stacks_run_in_dependency_order_and_independent_ones_really_overlap()
    {
        _pulumi.Sleep(0.1)
            .Rendezvous("us-west-2", "eu-central-1", "ap-southeast-1")
            .Rendezvous("eu-central-1", "us-west-2", "ap-southeast-1")
            .Rendezvous("ap-southeast-1", "us-west-2", "eu-central-1");
        var plan = TestPlans.Example();

        var result = await Run(plan);

        Assert.True(result.Succeeded, string.Join("; ", result.Stacks.Select(s => $"{s.Stack} {s.State} {s.Summary}")));
        var ops = _pulumi.Operations().ToDictionary(o => o.Stack);
        foreach (var stack in plan.Stacks)
        {
            foreach (var dependency in stack.DependsOn)
            {
                Assert.True(ops[dependency].End <= ops[stack.Name].Start, $"{stack.Name} started before {dependency} ended");
            }
        }

        Assert.True(ops["us-west-2"].Overlaps(ops["eu-central-1"]));
        Assert.True(ops["us-west-2"].Overlaps(ops["ap-southeast-1"]));
        Assert.True(ops["eu-central-1"].Overlaps(ops["ap-southeast-1"]));
    }

    [Fact]
    public async Task Never_more_than_parallel_processes_at_once()
    {
        _pulumi.Sleep(0.1);

        var result = await Run(TestPlans.Independent(6), parallel: 2);

        Assert.True(result.Succeeded);
        Assert.Equal(6, _pulumi.Operations().Count);
        Assert.Equal(2, FakePulumi.MaxConcurrent(_pulumi.Operations()));
    }

    [Fact]
    public async Task A_failed_stack_skips_its_dependents_and_its_error_is_the_summary()
    {
        _pulumi.Fail("up", "us-west-2");

        var result = await Run(TestPlans.Example());

        Assert.Equal(StackState.Failed, result["us-west-2"].State);
        Assert.Equal("exit code 255: error: up of us-west-2 failed on purpose", result["us-west-2"].Summary);
        Assert.Equal(StackState.Succeeded, result["eu-central-1"].State);
        Assert.Equal(StackState.Succeeded, result["ap-southeast-1"].State);
        Assert.Equal(StackState.Skipped, result["cross-region"].State);
        Assert.Equal("dependency us-west-2 failed", result["cross-region"].Summary);
        Assert.DoesNotContain(_pulumi.Operations(), o => o.Stack == "cross-region");
    }

    [Fact]
    public async Task Fail_fast_interrupts_the_running_pulumi_processes()
    {
        // ap-southeast-1 and eu-central-1 take the two slots; us-west-2 is still queued when ap-southeast-1 fails.
        _pulumi.Sleep(0.05).Sleep(10, "eu-central-1").Fail("up", "ap-southeast-1");

        var started = DateTime.UtcNow;
        var result = await Run(TestPlans.Example(), parallel: 2, failFast: true);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the 10 s stack was not interrupted");
        Assert.Equal(StackState.Failed, result["ap-southeast-1"].State);
        Assert.Equal(StackState.Cancelled, result["eu-central-1"].State);
        Assert.Equal(StackState.Skipped, result["us-west-2"].State);
        Assert.Equal(StackState.Skipped, result["cross-region"].State);
        // SIGINT first (the fake traps it and records "cancelled"), the kill only after the grace period.
        Assert.Equal("cancelled", _pulumi.Operations().Single(i => i.Stack == "eu-central-1").Result);
    }

    [Fact]
    public async Task Destroy_runs_dependents_first()
    {
        _pulumi.Sleep(0.05);
        var plan = TestPlans.Example();

        var result = await Run(plan, StackOperation.Destroy);

        Assert.True(result.Succeeded);
        var ops = _pulumi.Operations().ToDictionary(o => o.Stack);
        Assert.All(ops.Values, o => Assert.Equal("destroy", o.Verb));
        foreach (var stack in plan.Stacks)
        {
            foreach (var dependency in stack.DependsOn)
            {
                Assert.True(ops[stack.Name].End <= ops[dependency].Start, $"{dependency} destroyed before its dependent {stack.Name}");
            }
        }
    }

    [Fact]
    public async Task A_missing_cli_names_what_to_install()
    {
        var error = Assert.Throws<StackRunnerUnavailableException>(() => PulumiExecutable.Resolve(null, new Dictionary<string, string?> { ["PATH"] = _project, ["HOME"] = _project }));

        Assert.Contains("https://www.pulumi.com/docs/install/", error.Message, StringComparison.Ordinal);
        Assert.Contains("--pulumi PATH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_is_found_by_option_then_environment_then_path()
    {
        var environment = new Dictionary<string, string?> { ["PATH"] = _pulumi.Directory, ["HOME"] = _project };
        Assert.Equal(_pulumi.Executable, PulumiExecutable.Resolve(null, environment));

        var other = Path.Combine(_project, "my-pulumi");
        File.WriteAllText(other, string.Empty);
        environment[PulumiExecutable.EnvironmentVariable] = other;
        Assert.Equal(other, PulumiExecutable.Resolve(null, environment));
        Assert.Equal(_pulumi.Executable, PulumiExecutable.Resolve(_pulumi.Executable, environment));

        var missing = Assert.Throws<StackRunnerUnavailableException>(() => PulumiExecutable.Resolve("/nowhere/pulumi", environment));
        Assert.Contains("--pulumi: '/nowhere/pulumi' does not exist", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_logged_in_says_to_run_pulumi_login()
    {
        _pulumi.NotLoggedIn();
        using var runner = Runner();

        var error = await Assert.ThrowsAsync<StackRunnerUnavailableException>(() => runner.PreflightAsync(Ct));

        Assert.Contains("run `pulumi login`", error.Message, StringComparison.Ordinal);
        Assert.Contains("PULUMI_ACCESS_TOKEN must be set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_is_pulumis_resources_block_and_the_error_its_last_error_line()
    {
        string[] output = ["Updating (dev):", "error: first", "Resources:", "    + 2 to create", "    ~ 1 to update", "", "Duration: 3s", "error: the real one", "trailing"];

        Assert.Equal("+ 2 to create, ~ 1 to update", PulumiStackRunner.ResourceSummary(output));
        Assert.Equal("error: the real one", PulumiStackRunner.LastError(output));
        Assert.Null(PulumiStackRunner.ResourceSummary(["nothing"]));
        Assert.Equal("last", PulumiStackRunner.LastError(["first", "last", "  "]));
    }
}
