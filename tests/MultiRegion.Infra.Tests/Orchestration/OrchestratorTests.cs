using Microsoft.Extensions.Time.Testing;
using MultiRegion.Components.Planning;
using MultiRegion.Infra.Orchestration;

namespace MultiRegion.Infra.Tests.Orchestration;

public sealed class OrchestratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<OrchestrationResult> Run(IStackRunner runner, StackPlan plan, StackOperation operation = StackOperation.Up, int parallel = 4, bool failFast = false, IEnumerable<string>? stacks = null, IOrchestrationObserver? observer = null, CancellationToken? token = null) =>
        new Orchestrator(runner, TimeProvider.System).RunAsync(plan, new OrchestrationRequest(operation, (stacks ?? plan.Order).ToArray(), parallel, failFast), observer, token ?? Ct);

    [Fact]
    public async Task Every_stack_runs_once_after_every_stack_it_references()
    {
        var plan = TestPlans.Example();
        var runner = new InMemoryStackRunner();

        var result = await Run(runner, plan);

        Assert.True(result.Succeeded);
        Assert.Equal(plan.Order.Order(), runner.Calls.Select(c => c.Stack).Order());
        Assert.All(runner.Calls, c => Assert.Equal(StackOperation.Up, c.Operation));
        foreach (var stack in plan.Stacks)
        {
            foreach (var dependency in stack.DependsOn)
            {
                Assert.True(runner.IndexOf(dependency, "end") < runner.IndexOf(stack.Name, "start"), $"{stack.Name} started before {dependency} ended");
            }
        }

        Assert.Equal(plan.Order, result.Stacks.Select(s => s.Stack));
        Assert.All(result.Stacks, s => Assert.Equal(StackState.Succeeded, s.State));
    }

    [Fact]
    public async Task A_stack_starts_as_soon_as_its_own_dependencies_succeed_not_when_the_wave_ends()
    {
        // Waves are [a ∥ b] → [c ∥ d]; c needs only a, so it must run while b is still going.
        var releaseB = new TaskCompletionSource<StackRunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new InMemoryStackRunner()
            .On("b", _ => releaseB.Task)
            .On("c", _ =>
            {
                cDone.SetResult();
                return Task.FromResult(new StackRunResult(true, "c"));
            });

        var run = Run(runner, TestPlans.TwoChains());
        await cDone.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(-1, runner.IndexOf("b", "end"));
        releaseB.SetResult(new StackRunResult(true, "b"));
        var result = await run;

        Assert.True(result.Succeeded);
        Assert.True(runner.IndexOf("b", "end") < runner.IndexOf("d", "start"));
    }

    [Fact]
    public async Task Independent_stacks_run_in_parallel_up_to_the_bound()
    {
        var release = new TaskCompletionSource<StackRunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new InMemoryStackRunner { Default = (_, _) => release.Task };

        var run = Run(runner, TestPlans.Independent(10), parallel: 3);
        await WaitUntil(() => runner.Started >= 3);
        await Task.Delay(100, Ct);
        Assert.Equal(3, runner.Started);
        release.SetResult(new StackRunResult(true, "ok"));
        var result = await run;

        Assert.True(result.Succeeded);
        Assert.Equal(10, runner.Started);
        Assert.Equal(3, runner.MaxConcurrent);
    }

    [Fact]
    public async Task Parallel_one_runs_stacks_strictly_one_after_another_in_plan_order()
    {
        var plan = TestPlans.Example();
        var runner = new InMemoryStackRunner();

        await Run(runner, plan, parallel: 1);

        Assert.Equal(1, runner.MaxConcurrent);
        Assert.Equal(plan.Order, runner.Calls.Select(c => c.Stack));
    }

    [Fact]
    public async Task A_failed_stack_skips_its_dependents_while_independent_stacks_finish()
    {
        var runner = new InMemoryStackRunner().Fail("us-west-2", "exit code 255: error: quota exceeded");

        var result = await Run(runner, TestPlans.Example());

        Assert.False(result.Succeeded);
        Assert.Equal(StackState.Failed, result["us-west-2"].State);
        Assert.Equal("exit code 255: error: quota exceeded", result["us-west-2"].Summary);
        Assert.Equal(StackState.Succeeded, result["eu-central-1"].State);
        Assert.Equal(StackState.Succeeded, result["ap-southeast-1"].State);
        Assert.Equal(StackState.Skipped, result["cross-region"].State);
        Assert.Equal("dependency us-west-2 failed", result["cross-region"].Summary);
        Assert.DoesNotContain(runner.Calls, c => c.Stack == "cross-region");
    }

    [Fact]
    public async Task Dependents_are_skipped_transitively_naming_the_stack_that_failed()
    {
        var runner = new InMemoryStackRunner().Fail("us-east-1");

        var result = await Run(runner, TestPlans.Example());

        Assert.Equal(StackState.Succeeded, result["global"].State);
        Assert.Equal(StackState.Failed, result["us-east-1"].State);
        foreach (var stack in TestPlans.Secondaries.Append("cross-region"))
        {
            Assert.Equal(StackState.Skipped, result[stack].State);
            Assert.Equal("dependency us-east-1 failed", result[stack].Summary);
        }

        Assert.Equal(["global", "us-east-1"], runner.Calls.Select(c => c.Stack).Order());
    }

    [Fact]
    public async Task A_runner_that_throws_is_a_failed_stack_not_a_crashed_run()
    {
        var runner = new InMemoryStackRunner().On("global", _ => throw new InvalidOperationException("disk full"));

        var result = await Run(runner, TestPlans.Example());

        Assert.Equal(StackState.Failed, result["global"].State);
        Assert.Contains("disk full", result["global"].Summary, StringComparison.Ordinal);
        Assert.All(result.Stacks.Skip(1), s => Assert.Equal(StackState.Skipped, s.State));
    }

    [Fact]
    public async Task Fail_fast_cancels_running_stacks_and_skips_the_rest()
    {
        // With two slots the secondaries start in plan order: ap-southeast-1 and eu-central-1 run, us-west-2 waits.
        var runner = new InMemoryStackRunner()
            .Hang("eu-central-1")
            .On("ap-southeast-1", async ct =>
            {
                await Task.Delay(50, ct);
                return new StackRunResult(false, "boom");
            });

        var result = await Run(runner, TestPlans.Example(), parallel: 2, failFast: true);

        Assert.Equal(StackState.Failed, result["ap-southeast-1"].State);
        Assert.Equal(StackState.Cancelled, result["eu-central-1"].State);
        Assert.Equal(StackState.Skipped, result["us-west-2"].State);
        Assert.Equal("cancelled by --fail-fast (ap-southeast-1 failed)", result["us-west-2"].Summary);
        Assert.Equal(StackState.Skipped, result["cross-region"].State);
        Assert.DoesNotContain(runner.Calls, c => c.Stack is "us-west-2" or "cross-region");
    }

    [Fact]
    public async Task Without_fail_fast_a_failure_cancels_nothing()
    {
        var slow = new TaskCompletionSource<StackRunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runner = new InMemoryStackRunner().Fail("us-west-2").On("eu-central-1", _ => slow.Task);

        var run = Run(runner, TestPlans.Example());
        await WaitUntil(() => runner.IndexOf("us-west-2", "end") >= 0);
        await Task.Delay(50, Ct);
        slow.SetResult(new StackRunResult(true, "slow but fine"));
        var result = await run;

        Assert.Equal(StackState.Succeeded, result["eu-central-1"].State);
        Assert.Equal(StackState.Succeeded, result["ap-southeast-1"].State);
    }

    [Fact]
    public async Task Destroy_runs_in_exact_reverse_dependents_first()
    {
        var plan = TestPlans.Example();
        var runner = new InMemoryStackRunner();

        var result = await Run(runner, plan, StackOperation.Destroy);

        Assert.True(result.Succeeded);
        Assert.All(runner.Calls, c => Assert.Equal(StackOperation.Destroy, c.Operation));
        foreach (var stack in plan.Stacks)
        {
            foreach (var dependency in stack.DependsOn)
            {
                Assert.True(runner.IndexOf(stack.Name, "end") < runner.IndexOf(dependency, "start"), $"{dependency} destroyed before its dependent {stack.Name}");
            }
        }

        Assert.Equal("cross-region", runner.Calls.First().Stack);
        Assert.Equal("global", runner.Calls.Last().Stack);
        Assert.Equal(plan.DestroyWaves.SelectMany(w => w), result.Stacks.Select(s => s.Stack));
    }

    [Fact]
    public async Task A_failed_destroy_keeps_the_stacks_it_references()
    {
        var runner = new InMemoryStackRunner().Fail("eu-central-1");

        var result = await Run(runner, TestPlans.Example(), StackOperation.Destroy);

        Assert.Equal(StackState.Succeeded, result["cross-region"].State);
        Assert.Equal(StackState.Succeeded, result["us-west-2"].State);
        Assert.Equal(StackState.Skipped, result["us-east-1"].State);
        Assert.Equal("dependent eu-central-1 failed", result["us-east-1"].Summary);
        Assert.Equal(StackState.Skipped, result["global"].State);
    }

    [Fact]
    public async Task A_slice_runs_only_its_stacks_and_takes_stacks_outside_it_as_done()
    {
        var runner = new InMemoryStackRunner();

        var result = await Run(runner, TestPlans.Example(), stacks: ["us-west-2", "cross-region"]);

        Assert.True(result.Succeeded);
        Assert.Equal(["us-west-2", "cross-region"], runner.Calls.Select(c => c.Stack));
    }

    [Fact]
    public async Task Ctrl_c_cancels_running_stacks_and_skips_queued_ones()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var runner = new InMemoryStackRunner().Hang("us-east-1");

        var run = Run(runner, TestPlans.Example(), token: cts.Token);
        await WaitUntil(() => runner.IndexOf("us-east-1", "start") >= 0);
        await cts.CancelAsync();
        var result = await run;

        Assert.Equal(StackState.Succeeded, result["global"].State);
        Assert.Equal(StackState.Cancelled, result["us-east-1"].State);
        Assert.All(result.Stacks.Skip(2), s => Assert.Equal(StackState.Skipped, s.State));
    }

    [Fact]
    public async Task Observers_see_queued_then_running_then_the_outcome_for_every_stack()
    {
        var observer = new RecordingObserver();
        var runner = new InMemoryStackRunner().Fail("us-east-1");

        await Run(runner, TestPlans.Example(), observer: observer);

        Assert.Equal(["queued", "running", "succeeded"], observer.Changes.Where(c => c.Stack == "global").Select(c => c.State.Name()));
        Assert.Equal(["queued", "running", "failed"], observer.Changes.Where(c => c.Stack == "us-east-1").Select(c => c.State.Name()));
        Assert.Equal(["queued", "skipped"], observer.Changes.Where(c => c.Stack == "cross-region").Select(c => c.State.Name()));
    }

    [Fact]
    public async Task Times_come_from_the_injected_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var runner = new InMemoryStackRunner
        {
            Default = (stack, _) =>
            {
                time.Advance(TimeSpan.FromSeconds(stack == "global" ? 10 : 60));
                return Task.FromResult(new StackRunResult(true, "ok"));
            },
        };

        var result = await new Orchestrator(runner, time).RunAsync(TestPlans.Example(), new OrchestrationRequest(StackOperation.Up, TestPlans.Example().Order, Parallelism: 1), null, Ct);

        Assert.Equal(TimeSpan.FromSeconds(10), result["global"].Duration);
        Assert.Equal(TimeSpan.FromSeconds(60), result["cross-region"].Duration);
        Assert.Equal(TimeSpan.FromSeconds(10 + (5 * 60)), result.Duration);
        Assert.Equal(result["global"].EndedAt, result["us-east-1"].StartedAt);
    }

    [Fact]
    public async Task Each_stack_gets_its_own_log_file()
    {
        var directory = Directory.CreateTempSubdirectory("multiregion-logs-").FullName;
        try
        {
            var runner = new InMemoryStackRunner();
            var result = await new Orchestrator(runner, TimeProvider.System).RunAsync(TestPlans.Example(), new OrchestrationRequest(StackOperation.Preview, ["global"], LogDirectory: directory), null, Ct);

            var log = Path.Combine(directory, "global.log");
            Assert.Equal(log, result["global"].LogPath);
            var text = await File.ReadAllTextAsync(log, Ct);
            Assert.Contains("# multiregion preview global (target memory)", text, StringComparison.Ordinal);
            Assert.Contains("Preview global", text, StringComparison.Ordinal);
            Assert.Contains("# succeeded", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task An_empty_selection_succeeds_without_running_anything()
    {
        var runner = new InMemoryStackRunner();

        var result = await Run(runner, TestPlans.Example(), stacks: []);

        Assert.True(result.Succeeded);
        Assert.Empty(runner.Calls);
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
