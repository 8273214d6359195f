using MultiRegion.Health.Regions;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Infra.Drills;

/// <summary>
/// Runs one failover drill: waits for a settled sandbox, starts polling DNS over UDP, injects the failure, waits for
/// the checker to mark the region offline (its events) and for the polled answer to change, restores, waits for the
/// answer to return, and returns the measured <see cref="DrillResult"/>. Reporting and history are separate
/// (<see cref="DrillReportWriter"/>, <see cref="DrillRecorder"/>).
/// </summary>
public sealed class DrillRunner(ISandboxControl control, TimeProvider? timeProvider = null)
{
    private static readonly TimeSpan EventPoll = TimeSpan.FromMilliseconds(10);
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public async Task<DrillResult> RunAsync(DrillSettings settings, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        var status = await control.StatusAsync(cancellationToken).ConfigureAwait(false);
        if (status.Regions.Count == 0)
        {
            throw new CommandFailedException("the sandbox has no regions deployed; deploy with 'multiregion sandbox up'");
        }

        var region = status.Find(settings.Region)
            ?? throw new CommandFailedException($"--region: '{settings.Region}' is not a region of the sandbox; regions: {string.Join(", ", status.Regions.Select(r => r.Id))}", ExitCodes.Usage);
        var targets = status.Regions.OrderByDescending(r => r.Priority).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => (r.Id, r.Target)).ToList();
        var problems = new List<string>();

        using var reader = new DnsAnswerReader(settings.DnsServer, settings.Name);
        await using var poller = new DnsAnswerPoller(reader, settings.PollInterval, time);
        var windowStart = time.GetUtcNow();
        await poller.StartAsync(cancellationToken).ConfigureAwait(false);

        // 1. A settled starting point: every region healthy and DNS answering what the checker published.
        status = await SettleAsync(settings, poller, log, cancellationToken).ConfigureAwait(false);
        var baseline = poller.Latest!.Answer;
        if (baseline.IsError)
        {
            problems.Add($"the DNS server {settings.DnsServer} gives no answer for {settings.Name} before the drill: {baseline.Error}");
        }

        var expected = status.Regions
            .Where(r => !string.Equals(r.Id, region.Id, StringComparison.Ordinal) && r.Health == nameof(RegionHealth.Healthy))
            .OrderByDescending(r => r.Priority).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => r.Id)
            .FirstOrDefault();
        var regionStates = status.Regions.Select(r => new DrillRegionState(r.Id, r.Health, windowStart, "at drill start")).ToList();
        var events = await control.EventsAfterAsync(0, cancellationToken).ConfigureAwait(false);
        var sequence = events.Count == 0 ? 0 : events.Max(e => e.Sequence);
        var wasActive = baseline.Regions(targets).Contains(region.Id, StringComparer.Ordinal);
        log.WriteLine($"drill {region.Id} ({(settings.Mode == EndpointFailureMode.Stop ? "stop" : "503")}): answer before: {baseline.Describe(targets)}{(wasActive ? string.Empty : $" — {region.Id} is not in the answer, so the answer should not change")}");

        // 2. Inject, after a short lead so the timeline shows the steady state.
        await Task.Delay(settings.EffectiveLead, cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow();
        await control.FailAsync(region.Id, settings.Mode, cancellationToken).ConfigureAwait(false);
        log.WriteLine($"  failure injected; polling {settings.Name} on {settings.DnsServer} every {settings.PollInterval.TotalMilliseconds:0} ms");

        // 3. Detection (checker events) and the answer change (DNS polls).
        DateTimeOffset? detected = null;
        DnsAnswerSample? changed = null;
        var deadline = started + settings.EffectivePhaseTimeout;
        while (time.GetUtcNow() < deadline && (detected is null || (wasActive && changed is null)))
        {
            (sequence, var offline) = await CollectAsync(sequence, regionStates, region.Id, nameof(RegionHealth.Offline), started, cancellationToken).ConfigureAwait(false);
            detected ??= offline;
            changed ??= poller.Find(started, a => !a.IsError && !a.SameAs(baseline));
            await Task.Delay(EventPoll, cancellationToken).ConfigureAwait(false);
        }

        if (detected is null)
        {
            problems.Add($"the checker did not mark {region.Id} offline within {settings.EffectivePhaseTimeout.TotalSeconds:0.#} s");
        }
        else
        {
            log.WriteLine($"  detected offline after {DrillResult.Ms(detected - started)}");
        }

        if (wasActive)
        {
            if (changed is null)
            {
                problems.Add($"the DNS answer did not change within {settings.EffectivePhaseTimeout.TotalSeconds:0.#} s");
            }
            else
            {
                log.WriteLine($"  DNS answer changed after {DrillResult.Ms(changed.At - started)}: {changed.Answer.Describe(targets)}");
                var moved = changed.Answer.Regions(targets);
                if (expected is not null && !(moved.Count == 1 && moved[0] == expected) && status.Policy == "failover")
                {
                    problems.Add($"the answer moved to {changed.Answer.Describe(targets)}, expected the next-priority healthy region {expected}");
                }
            }
        }

        // 4. Hold the failure a little (the timeline shows the failed-over state), restore, and wait for the region to come back and the answer to return.
        await Task.Delay(settings.EffectiveHold, cancellationToken).ConfigureAwait(false);
        var restored = time.GetUtcNow();
        await control.RestoreAsync(region.Id, cancellationToken).ConfigureAwait(false);
        log.WriteLine("  failure removed");
        DateTimeOffset? recovered = null;
        DnsAnswerSample? back = null;
        deadline = restored + settings.EffectivePhaseTimeout + (settings.Interval * Math.Max(status.SuccessThreshold, 1));
        while (time.GetUtcNow() < deadline && (recovered is null || (wasActive && back is null)))
        {
            (sequence, var healthy) = await CollectAsync(sequence, regionStates, region.Id, nameof(RegionHealth.Healthy), restored, cancellationToken).ConfigureAwait(false);
            recovered ??= healthy;
            back ??= poller.Find(restored, a => a.SameAs(baseline));
            await Task.Delay(EventPoll, cancellationToken).ConfigureAwait(false);
        }

        if (recovered is null && detected is not null)
        {
            problems.Add($"the checker did not mark {region.Id} healthy again within {(deadline - restored).TotalSeconds:0.#} s");
        }
        else if (recovered is not null)
        {
            log.WriteLine($"  healthy again after {DrillResult.Ms(recovered - restored)}");
        }

        if (wasActive && back is null)
        {
            problems.Add($"the DNS answer did not return to {baseline.Describe(targets)} within {(deadline - restored).TotalSeconds:0.#} s");
        }
        else if (back is not null)
        {
            log.WriteLine($"  DNS answer back after {DrillResult.Ms(back.At - restored)}: {back.Answer.Describe(targets)}");
        }

        // A short tail so the timeline shows the settled state.
        await Task.Delay(settings.Interval / 2, cancellationToken).ConfigureAwait(false);
        (_, _) = await CollectAsync(sequence, regionStates, region.Id, "-", restored, cancellationToken).ConfigureAwait(false);
        await poller.StopAsync().ConfigureAwait(false);
        return new DrillResult
        {
            Region = region.Id,
            Mode = settings.Mode,
            Name = reader.Name,
            DnsServer = settings.DnsServer.ToString(),
            Interval = settings.Interval,
            FailureThreshold = settings.FailureThreshold,
            Bound = settings.Bound,
            Targets = targets,
            Baseline = baseline,
            ExpectedFailoverRegion = wasActive ? expected : null,
            WindowStart = windowStart,
            Started = started,
            Detected = detected,
            DnsChanged = changed?.At,
            FailoverAnswer = changed?.Answer,
            Restored = restored,
            Recovered = recovered,
            FailbackDns = back?.At,
            WindowEnd = time.GetUtcNow(),
            RegionStates = regionStates,
            DnsSamples = poller.Changes,
            DnsPolls = poller.Polls,
            Problems = problems,
        };
    }

    private async Task<SandboxStatus> SettleAsync(DrillSettings settings, DnsAnswerPoller poller, TextWriter log, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + settings.EffectiveSettleTimeout;
        while (true)
        {
            var status = await control.StatusAsync(cancellationToken).ConfigureAwait(false);
            var answer = poller.Latest?.Answer;
            var settled = status.Regions.All(r => r.Health == nameof(RegionHealth.Healthy) && r.Condition == EndpointCondition.Serving)
                && answer is { IsError: false }
                && status.Answer.Order(StringComparer.Ordinal).All(v => answer.Values.Contains(v, StringComparer.Ordinal));
            if (settled)
            {
                return status;
            }

            if (time.GetUtcNow() >= deadline)
            {
                log.WriteLine($"  warning: the sandbox did not settle (every region healthy) within {settings.EffectiveSettleTimeout.TotalSeconds:0.#} s; drilling anyway");
                return status;
            }

            await Task.Delay(EventPoll * 2, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads new events into the health lanes; returns the first transition of <paramref name="region"/> to <paramref name="health"/> at or after <paramref name="since"/>.</summary>
    private async Task<(long Sequence, DateTimeOffset? Match)> CollectAsync(long sequence, List<DrillRegionState> states, string region, string health, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var events = await control.EventsAfterAsync(sequence, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? match = null;
        foreach (var e in events)
        {
            sequence = Math.Max(sequence, e.Sequence);
            if (e.Kind != "transition" || e.Region is null || e.To is null)
            {
                continue;
            }

            states.Add(new DrillRegionState(e.Region, e.To, e.At, e.Detail));
            if (match is null && e.Region == region && e.To == health && e.At >= since)
            {
                match = e.At;
            }
        }

        return (sequence, match);
    }
}
