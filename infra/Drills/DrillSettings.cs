using System.Net;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Infra.Drills;

/// <summary>What one failover drill does and where it looks.</summary>
/// <param name="Region">The region to fail.</param>
/// <param name="Mode">503 answers, or a stopped endpoint.</param>
/// <param name="DnsServer">The DNS server polled (the sandbox's, or any real one).</param>
/// <param name="Name">The service name polled, e.g. app.example.com.</param>
/// <param name="Interval">The checker's interval (for the bound).</param>
/// <param name="FailureThreshold">The checker's failure threshold (for the bound).</param>
/// <param name="ReportDirectory">Where the Markdown and SVG reports go.</param>
public sealed record DrillSettings(
    string Region,
    EndpointFailureMode Mode,
    IPEndPoint DnsServer,
    string Name,
    TimeSpan Interval,
    int FailureThreshold,
    string ReportDirectory)
{
    /// <summary>How often DNS is polled over UDP.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How long the settled answer is watched before the failure is injected (default: half an interval plus a random
    /// part of an interval, so repeated drills hit every phase of the checker's schedule, the worst case included).
    /// </summary>
    public TimeSpan? Lead { get; init; }

    /// <summary>How long the failure stays after the answer changed, before it is removed (default: one interval).</summary>
    public TimeSpan? Hold { get; init; }

    public TimeSpan EffectiveLead => Lead ?? (Interval / 2) + (Interval * Random.Shared.NextDouble());

    public TimeSpan EffectiveHold => Hold ?? Interval;

    /// <summary>How long each phase (detection, DNS change, fail-back) may take before the drill gives up.</summary>
    public TimeSpan? PhaseTimeout { get; init; }

    /// <summary>How long the drill waits for a settled sandbox (every region healthy) before injecting.</summary>
    public TimeSpan? SettleTimeout { get; init; }

    /// <summary>The design's target: failure → DNS answer changed within interval × threshold + 250 ms.</summary>
    public TimeSpan Bound => (Interval * FailureThreshold) + TimeSpan.FromMilliseconds(250);

    public TimeSpan EffectivePhaseTimeout => PhaseTimeout ?? (Bound * 3) + TimeSpan.FromSeconds(5);

    public TimeSpan EffectiveSettleTimeout => SettleTimeout ?? (Interval * 6) + TimeSpan.FromSeconds(5);
}
