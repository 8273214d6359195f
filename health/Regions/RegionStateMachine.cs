using System.Globalization;
using MultiRegion.Health.Probing;

namespace MultiRegion.Health.Regions;

/// <summary>
/// Health of one region from consecutive probe results:
/// FailureThreshold consecutive failures → Offline; from Offline, SuccessThreshold consecutive successes → Healthy
/// (Degraded if they were slow); from Healthy, FailureThreshold consecutive slow-or-failed results → Degraded;
/// from Degraded, SuccessThreshold consecutive fast successes → Healthy. No automatic transition happens within
/// MinimumDwell of the previous one (it is held and taken on a later result). Drain/Undrain are immediate.
/// </summary>
public sealed class RegionStateMachine
{
    private readonly HealthCheckOptions options;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private int consecutiveFailures;
    private int consecutiveSuccesses;
    private int consecutiveFast;
    private int consecutiveNotFast;

    public RegionStateMachine(string regionId, HealthCheckOptions options, TimeProvider? timeProvider = null, RegionSeed? seed = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regionId);
        ArgumentNullException.ThrowIfNull(options);
        RegionId = regionId;
        this.options = options.EnsureValid();
        time = timeProvider ?? TimeProvider.System;
        Health = seed?.Health ?? RegionHealth.Healthy;
        Since = seed?.Since;
        IsDrained = seed?.Drained ?? false;
    }

    public string RegionId { get; }

    public RegionHealth Health { get; private set; }

    /// <summary>When the current state was entered (null: initial/seeded without a time).</summary>
    public DateTimeOffset? Since { get; private set; }

    public bool IsDrained { get; private set; }

    public ProbeResult? LastResult { get; private set; }

    public int ConsecutiveFailures => consecutiveFailures;

    public int ConsecutiveSuccesses => consecutiveSuccesses;

    /// <summary>Raised for every transition (after the state changed).</summary>
    public event EventHandler<HealthTransition>? Transitioned;

    /// <summary>Feeds one probe result; returns the transition it caused, if any.</summary>
    public HealthTransition? Observe(ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        HealthTransition? transition;
        lock (gate)
        {
            LastResult = result;
            var fast = result.Success && result.Latency <= options.DegradedLatency;
            consecutiveFailures = result.Success ? 0 : consecutiveFailures + 1;
            consecutiveSuccesses = result.Success ? consecutiveSuccesses + 1 : 0;
            consecutiveFast = fast ? consecutiveFast + 1 : 0;
            consecutiveNotFast = fast ? 0 : consecutiveNotFast + 1;

            var (target, reason) = Evaluate(result);
            if (target is not { } to || to == Health)
            {
                return null;
            }

            var now = time.GetUtcNow();
            if (Since is { } since && now - since < options.MinimumDwell)
            {
                return null; // held: re-evaluated on the next result
            }

            transition = new HealthTransition(RegionId, Health, to, reason, now);
            Health = to;
            Since = now;
        }

        Transitioned?.Invoke(this, transition);
        return transition;
    }

    /// <summary>Takes the region out of every answer immediately (manual, not a health state).</summary>
    public HealthTransition? Drain(string reason = "manual drain") => SetDrained(true, reason);

    /// <summary>Returns a drained region to automatic routing.</summary>
    public HealthTransition? Undrain(string reason = "manual undrain") => SetDrained(false, reason);

    private HealthTransition? SetDrained(bool drained, string reason)
    {
        HealthTransition transition;
        lock (gate)
        {
            if (IsDrained == drained)
            {
                return null;
            }

            IsDrained = drained;
            transition = new HealthTransition(RegionId, Health, Health, reason, time.GetUtcNow());
        }

        Transitioned?.Invoke(this, transition);
        return transition;
    }

    private (RegionHealth? Target, string Reason) Evaluate(ProbeResult result)
    {
        var n = options.FailureThreshold;
        var m = options.SuccessThreshold;
        if (consecutiveFailures >= n)
        {
            return (RegionHealth.Offline, Invariant($"{consecutiveFailures} consecutive failures (threshold {n}): {result.Error ?? "failed"}"));
        }

        switch (Health)
        {
            case RegionHealth.Offline when consecutiveSuccesses >= m:
                return consecutiveFast >= m
                    ? (RegionHealth.Healthy, Invariant($"{consecutiveSuccesses} consecutive successes (threshold {m})"))
                    : (RegionHealth.Degraded, Invariant($"{consecutiveSuccesses} consecutive successes (threshold {m}), latency {result.Latency.TotalMilliseconds:0} ms over {options.DegradedLatency.TotalMilliseconds:0} ms"));
            case RegionHealth.Healthy when consecutiveNotFast >= n:
                return (RegionHealth.Degraded, result.Success
                    ? Invariant($"{consecutiveNotFast} consecutive slow or failed probes, latency {result.Latency.TotalMilliseconds:0} ms over {options.DegradedLatency.TotalMilliseconds:0} ms")
                    : Invariant($"{consecutiveNotFast} consecutive slow or failed probes: {result.Error ?? "failed"}"));
            case RegionHealth.Degraded when consecutiveFast >= m:
                return (RegionHealth.Healthy, Invariant($"{consecutiveFast} consecutive fast successes (threshold {m})"));
            default:
                return (null, string.Empty);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
