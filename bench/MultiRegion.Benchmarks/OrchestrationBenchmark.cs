using System.Diagnostics;
using System.Globalization;
using MultiRegion.Components.Configuration;
using MultiRegion.Components.Planning;
using MultiRegion.Infra.Example;
using MultiRegion.Infra.Orchestration;

namespace MultiRegion.Benchmarks;

/// <summary>
/// Orchestration overhead (DESIGN §7: &lt; 100 ms per stack beyond pulumi itself; independent stacks in parallel).
/// Runs plans against a fake runner whose every stack takes a fixed time, and compares the wall-clock total with the
/// sum of the stack durations (fully serial) and with the critical path (the best any scheduler can do). The
/// overhead is reported per level of the critical path ((total − critical) / levels: what each step of the chain
/// added), and as the start latency: how long after its last prerequisite finished a stack started (shown when every
/// wave fits in the slots; otherwise stacks also queue for a slot, which is not overhead).
/// </summary>
public static class OrchestrationBenchmark
{
    public static readonly TimeSpan StackDuration = TimeSpan.FromMilliseconds(200);

    public static async Task RunAsync(TextWriter output)
    {
        output.WriteLine($"orchestration: every stack takes {StackDuration.TotalMilliseconds:0} ms (fake runner), --parallel {OrchestrationRequest.DefaultParallelism} unless noted");
        output.WriteLine("plan                                   stacks  parallel   total    sum  critical  overhead/level  start latency mean/max");
        var example = ExamplePlan();
        if (example is not null)
        {
            await MeasureAsync(output, "example project (Pulumi.yaml)", example, OrchestrationRequest.DefaultParallelism);
        }

        await MeasureAsync(output, "design shape (global→primary→3→cross)", DesignShape(3), OrchestrationRequest.DefaultParallelism);
        await MeasureAsync(output, "design shape, 25 regions", DesignShape(24), OrchestrationRequest.DefaultParallelism);
        await MeasureAsync(output, "design shape, 25 regions", DesignShape(24), 24);
        await MeasureAsync(output, "design shape, serial", DesignShape(3), 1);
    }

    private static async Task MeasureAsync(TextWriter output, string name, StackPlan plan, int parallel)
    {
        var runner = new FixedDurationRunner(StackDuration);
        var orchestrator = new Orchestrator(runner, TimeProvider.System);
        var request = new OrchestrationRequest(StackOperation.Up, plan.Order, parallel);
        await orchestrator.RunAsync(plan, request with { Stacks = plan.Order.Take(1).ToArray() }); // warm-up (JIT)

        var clock = Stopwatch.StartNew();
        var result = await orchestrator.RunAsync(plan, request);
        var total = clock.Elapsed;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("the benchmark run failed");
        }

        var sum = StackDuration * plan.Stacks.Count;
        var critical = CriticalPath(plan, parallel);
        var latencies = plan.Stacks.Select(s =>
        {
            var ready = s.DependsOn.Count == 0 ? result.StartedAt : s.DependsOn.Max(d => result[d].EndedAt!.Value);
            return (result[s.Name].StartedAt!.Value - ready).TotalMilliseconds;
        }).ToArray();

        // With fewer slots than ready stacks, a stack also waits for a free slot: that is queueing, not overhead.
        var latency = parallel >= plan.Waves.Max(w => w.Count)
            ? string.Create(CultureInfo.InvariantCulture, $"{latencies.Average(),5:0.0} / {latencies.Max(),5:0.0} ms")
            : "(queueing for slots)";
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-38} {plan.Stacks.Count,6} {parallel,9} {total.TotalMilliseconds,6:0} ms {sum.TotalMilliseconds,6:0} {critical.TotalMilliseconds,6:0} ms {(total - critical).TotalMilliseconds / plan.Waves.Count,9:0.0} ms  {latency}"));
    }

    /// <summary>The best possible total: the longest dependency chain, and at least ⌈wave / parallel⌉ rounds per wave.</summary>
    private static TimeSpan CriticalPath(StackPlan plan, int parallel) =>
        StackDuration * plan.Waves.Sum(w => (int)Math.Ceiling(w.Count / (double)parallel));

    /// <summary>global → primary → N secondaries → cross-region, as DESIGN §3 orders the example.</summary>
    public static StackPlan DesignShape(int secondaries)
    {
        var regions = Enumerable.Range(1, secondaries).Select(i => $"region-{i:00}").ToArray();
        return StackPlanner.Plan(
        [
            new PlannedStack("global", [], 5),
            new PlannedStack("primary", ["global"], 30),
            .. regions.Select(r => new PlannedStack(r, ["global", "primary"], 30)),
            new PlannedStack("cross-region", ["global", "primary", .. regions], 20),
        ]);
    }

    /// <summary>The plan of the repository's example project, when the benchmark runs inside the repository.</summary>
    private static StackPlan? ExamplePlan()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
            {
                return Platforms.SynthesizerFor(ProjectLoader.LoadDirectory(directory.FullName)).Plan();
            }
        }

        return null;
    }

    private sealed class FixedDurationRunner(TimeSpan duration) : IStackRunner
    {
        public string Target => "fixed-duration";

        public Task PreflightAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<StackRunResult> RunAsync(StackOperation operation, string stack, TextWriter log, CancellationToken cancellationToken)
        {
            await Task.Delay(duration, cancellationToken);
            return new StackRunResult(true, "done");
        }
    }
}
