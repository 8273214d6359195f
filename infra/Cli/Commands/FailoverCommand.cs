using System.CommandLine;
using MultiRegion.Health;
using MultiRegion.Health.Probing;
using MultiRegion.Health.Regions;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary>
/// <c>multiregion failover --drain R | --undrain R | --to R --reason TEXT</c>: manual traffic moves. Drains are stored in
/// the history database, so a running <c>health --watch</c> applies them on its next cycle and a restarted checker
/// keeps them; this command then runs one forced cycle so the DNS answer changes now. <c>--to R</c> drains every
/// region preferred over R (the checker would otherwise send traffic straight back to them).
/// </summary>
internal static class FailoverCommand
{
    public static Command Create(GlobalOptions global, CommandOutput output)
    {
        var options = new CheckerOptions();
        var drain = new Option<string?>("--drain") { Description = "Take this region out of every answer" };
        var undrain = new Option<string?>("--undrain") { Description = "Let this region serve again (once healthy)" };
        var to = new Option<string?>("--to") { Description = "Send traffic to this region: drains every region preferred over it" };
        var reason = new Option<string?>("--reason") { Description = "Why (recorded in the history); required with --to" };
        var recordOnly = new Option<bool>("--record-only") { Description = "Only record the drain; a running `health --watch` applies it" };
        var command = new Command("failover", "Drain or undrain a region, or move traffic to a region, recorded in the history.") { drain, undrain, to, reason, recordOnly };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var chosen = new[] { ("--drain", result.GetValue(drain)), ("--undrain", result.GetValue(undrain)), ("--to", result.GetValue(to)) }
                .Where(c => c.Item2 is not null).ToArray();
            if (chosen.Length != 1)
            {
                throw new CommandFailedException("give exactly one of --drain REGION, --undrain REGION or --to REGION", ExitCodes.Usage);
            }

            var (action, region) = (chosen[0].Item1, chosen[0].Item2!);
            var why = result.GetValue(reason);
            if (action == "--to" && string.IsNullOrWhiteSpace(why))
            {
                throw new CommandFailedException("--to needs --reason TEXT (it is recorded with the failover)", ExitCodes.Usage);
            }

            var service = await options.ServiceAsync(result, global, cancellationToken);
            var target = service.FindRegion(region)
                ?? throw new CommandFailedException($"{action}: unknown region '{region}'; regions are: {string.Join(", ", service.Endpoints.Select(e => e.RegionId))}", ExitCodes.Usage);
            if (action == "--to" && !target.Enabled)
            {
                throw new CommandFailedException($"--to: region '{region}' is disabled in the topology");
            }

            var drains = action switch
            {
                "--drain" => [(target.RegionId, true)],
                "--undrain" => [(target.RegionId, false)],
                _ => service.Endpoints.Where(e => e.Priority > target.Priority).Select(e => (e.RegionId, true))
                    .Append((target.RegionId, false)).ToArray(),
            };

            var checkOptions = options.CheckOptions(result);
            using var history = options.OpenHistory(result, global);
            var note = why ?? (action == "--drain" ? "manual drain" : "manual undrain");
            if (action == "--to")
            {
                note = $"failover to {target.RegionId}: {why}";
            }

            foreach (var (id, isDrained) in drains)
            {
                history.RecordDrain(id, isDrained, note, DateTimeOffset.UtcNow);
                output.Out.WriteLine($"{id}: {(isDrained ? "drained" : "undrained")} ({note})");
            }

            if (result.GetValue(recordOnly))
            {
                output.Out.WriteLine("recorded; a running `multiregion health --watch` applies it on its next cycle.");
                return ExitCodes.Success;
            }

            // Apply now. A fresh checker trusts only what DNS serves today: a region outside the answer must pass
            // SuccessThreshold probes before it gets traffic (restart safety), so probe until the move is made or refused.
            var provider = options.Provider(result);
            using var probe = new HttpHealthProbe(checkOptions);
            using var checker = new HealthChecker(service, checkOptions, probe, provider, history);
            var drained = drains.Where(d => d.Item2).Select(d => d.Item1).ToHashSet(StringComparer.Ordinal);
            for (var round = 1; ; round++)
            {
                var cycle = await checker.RunOnceAsync(force: true, cancellationToken);
                var active = cycle.Decision?.ActiveRegions ?? [];
                output.Out.WriteLine($"round {round}: answer {string.Join(", ", active)}; DNS {cycle.Outcome.ToString().ToLowerInvariant()}{(cycle.Error is null ? string.Empty : ": " + cycle.Error)}");
                if (cycle.Outcome is not (CycleOutcome.Applied or CycleOutcome.NoChange))
                {
                    return ExitCodes.Failure;
                }

                var done = action == "--undrain" || (!active.Any(drained.Contains) && (action != "--to" || active.Contains(target.RegionId)) && !(cycle.Decision?.FailOpen ?? false));
                if (done)
                {
                    return ExitCodes.Success;
                }

                var health = checker.Regions().First(r => r.RegionId == target.RegionId).Health;
                if (round > checkOptions.SuccessThreshold || (action == "--to" && health == RegionHealth.Offline && round > checkOptions.FailureThreshold))
                {
                    throw new CommandFailedException($"{target.RegionId} has not proven healthy ({health.ToString().ToLowerInvariant()}) after {round} probe rounds; the answer stays {string.Join(", ", active)} (fail-open never publishes an empty answer). The drains are recorded: a running checker moves traffic once a region is healthy.");
                }

                await Task.Delay(checkOptions.Interval, cancellationToken);
            }
        });
        return command;
    }
}
