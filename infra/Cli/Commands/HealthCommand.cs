using System.CommandLine;
using System.Globalization;
using MultiRegion.Health;
using MultiRegion.Health.Observability;
using MultiRegion.Health.Probing;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary>
/// <c>multiregion health --once | --watch</c>: probe every region, decide, and write the service's DNS answer through a
/// provider (or only say what it would write, with <c>--dry-run</c>).
/// </summary>
internal static class HealthCommand
{
    public static Command Create(GlobalOptions global, CommandOutput output)
    {
        var options = new CheckerOptions();
        var once = new Option<bool>("--once") { Description = "Run one probe round and apply its decision, then exit" };
        var watch = new Option<bool>("--watch") { Description = "Keep checking every interval until Ctrl+C" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and record, but change no DNS" };
        var json = new Option<bool>("--json") { Description = "Print each round's status as JSON" };
        var force = new Option<bool>("--force") { Description = "Apply even a decision that changes more than the change cap" };
        var statusPort = new Option<int>("--status-port") { Description = "Loopback port for /status and /metrics in --watch mode (0: pick a free one)", DefaultValueFactory = _ => 9464 };
        var command = new Command("health", "Probe every region and drive the service's DNS failover records.") { once, watch, dryRun, json, force, statusPort };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(once) == result.GetValue(watch))
            {
                throw new CommandFailedException("give exactly one of --once or --watch", ExitCodes.Usage);
            }

            var checkOptions = options.CheckOptions(result);
            var service = await options.ServiceAsync(result, global, cancellationToken);
            var provider = options.Provider(result);
            using var history = options.OpenHistory(result, global);
            using var probe = new HttpHealthProbe(checkOptions);
            using var checker = new HealthChecker(service, checkOptions, probe, provider, history) { DryRun = result.GetValue(dryRun) };
            var metrics = new HealthMetrics();
            checker.AddObserver(metrics);

            if (result.GetValue(once))
            {
                var cycle = await checker.RunOnceAsync(result.GetValue(force), cancellationToken);
                Print(output, checker, cycle, result.GetValue(json));
                return cycle.Outcome is CycleOutcome.ReadFailed or CycleOutcome.ApplyFailed or CycleOutcome.ForeignRecord or CycleOutcome.RefusedByChangeCap
                    ? ExitCodes.Failure
                    : ExitCodes.Success;
            }

            await using var status = StatusServer.Start(checker, metrics, result.GetValue(statusPort));
            output.Error.WriteLine($"watching {service.Service} every {checkOptions.Interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; status {status.BaseUrl}status, metrics {status.BaseUrl}metrics; Ctrl+C to stop");
            checker.AddObserver(new PrintingObserver(output, checker, result.GetValue(json)));
            await checker.RunAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CommandOutput output, HealthChecker checker, CheckCycleResult cycle, bool json)
    {
        if (json)
        {
            output.Out.WriteLine(StatusServer.StatusJson(checker.Snapshot));
            return;
        }

        var time = cycle.Started.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        foreach (var region in checker.Regions())
        {
            var probe = cycle.Probes.Results.FirstOrDefault(p => p.RegionId == region.RegionId);
            var detail = probe is null ? "not probed" : probe.Success
                ? string.Create(CultureInfo.InvariantCulture, $"{probe.StatusCode} in {probe.Latency.TotalMilliseconds:F0} ms")
                : $"failed: {probe.Error ?? probe.StatusCode?.ToString(CultureInfo.InvariantCulture)}";
            output.Out.WriteLine($"[{time}] {region.RegionId,-16} {region.Health.ToString().ToLowerInvariant(),-9}{(region.Drained ? " (drained)" : string.Empty)} {detail}");
        }

        foreach (var transition in cycle.Transitions)
        {
            output.Out.WriteLine($"[{time}] {transition.RegionId}: {transition.From} → {transition.To} ({transition.Reason})");
        }

        var answer = cycle.Decision is { } d ? $"{string.Join(", ", d.ActiveRegions)}{(d.FailOpen ? " (fail-open)" : string.Empty)} — {d.Reason}" : "no decision";
        output.Out.WriteLine($"[{time}] answer: {answer}; DNS: {Describe(cycle)}");
    }

    private static string Describe(CheckCycleResult cycle) => cycle.Outcome switch
    {
        CycleOutcome.NoChange => "unchanged",
        CycleOutcome.Applied => "updated",
        CycleOutcome.DryRun => "would update (dry run)",
        CycleOutcome.RefusedByChangeCap => $"refused: {cycle.Error} (use --force)",
        _ => $"{cycle.Outcome}: {cycle.Error}",
    };

    private sealed class PrintingObserver(CommandOutput output, HealthChecker checker, bool json) : IHealthCheckObserver
    {
        public void OnCycle(CheckCycleResult result) => Print(output, checker, result, json);
    }
}
