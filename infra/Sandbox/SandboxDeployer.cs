using System.Diagnostics;
using MultiRegion.Components.Stacks;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Orchestration;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// Deploys every stack through a runner in the planned order (the waves of <see cref="DeploymentSynthesizer.Plan()"/>:
/// global → primary → secondaries in parallel → cross-region, whose deploy ends with the post-deploy health check),
/// and destroys in the exact reverse. The sandbox's own <c>up</c>/<c>down</c>, independent of the orchestrator.
/// </summary>
public sealed class SandboxDeployer(DeploymentSynthesizer synthesizer, IStackRunner runner)
{
    public async Task<SandboxDeployment> UpAsync(TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var total = Stopwatch.StartNew();
        var plan = synthesizer.Plan();
        await runner.PreflightAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<(string Stack, int Wave, StackRunResult Result, TimeSpan Elapsed)>();
        for (var wave = 0; wave < plan.Waves.Count; wave++)
        {
            var stacks = plan.Waves[wave];
            log.WriteLine(stacks.Count == 1 ? $"wave {wave + 1}: {stacks[0]}" : $"wave {wave + 1}: {string.Join(" ∥ ", stacks)} (in parallel)");
            var runs = await Task.WhenAll(stacks.Select(async stack =>
            {
                var buffer = new StringWriter();
                var stopwatch = Stopwatch.StartNew();
                var result = await runner.RunAsync(StackOperation.Up, stack, buffer, cancellationToken).ConfigureAwait(false);
                return (Stack: stack, Result: result, Log: buffer.ToString(), Elapsed: stopwatch.Elapsed);
            })).ConfigureAwait(false);
            foreach (var run in runs)
            {
                foreach (var line in run.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    log.WriteLine($"  {line.TrimEnd('\r')}");
                }

                results.Add((run.Stack, wave + 1, run.Result, run.Elapsed));
            }

            var failed = runs.Where(r => !r.Result.Succeeded).ToList();
            if (failed.Count > 0)
            {
                throw new CommandFailedException($"sandbox up stopped after wave {wave + 1}: {string.Join("; ", failed.Select(f => $"{f.Stack}: {f.Result.Summary}"))}");
            }
        }

        var compiled = plan.Order.ToDictionary(s => s, s => plan[s].ResourceCount, StringComparer.Ordinal);
        return new SandboxDeployment(plan, [.. results.Select(r => new DeployedStack(r.Stack, r.Wave, compiled[r.Stack], r.Result.Summary, r.Elapsed))], total.Elapsed);
    }

    /// <summary>Destroys the stacks in the exact reverse order.</summary>
    public async Task DownAsync(TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var plan = synthesizer.Plan();
        foreach (var wave in plan.DestroyWaves)
        {
            var runs = await Task.WhenAll(wave.Select(async stack =>
            {
                var buffer = new StringWriter();
                await runner.RunAsync(StackOperation.Destroy, stack, buffer, cancellationToken).ConfigureAwait(false);
                return buffer.ToString();
            })).ConfigureAwait(false);
            foreach (var line in runs.SelectMany(r => r.Split('\n', StringSplitOptions.RemoveEmptyEntries)))
            {
                log.WriteLine($"  {line.TrimEnd('\r')}");
            }
        }
    }
}
