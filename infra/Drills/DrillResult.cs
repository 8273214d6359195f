using System.Globalization;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Infra.Drills;

/// <summary>
/// One drill, measured: failure injected (<see cref="Started"/>), the checker marked the region offline
/// (<see cref="Detected"/>), the polled DNS answer changed (<see cref="DnsChanged"/>), the failure was removed
/// (<see cref="Restored"/>), the region was healthy again (<see cref="Recovered"/>) and the answer was back
/// (<see cref="FailbackDns"/>). Durations are derived from these instants only, so the report and the history entry
/// (which stores the instants) always agree.
/// </summary>
public sealed record DrillResult
{
    public required string Region { get; init; }

    public required EndpointFailureMode Mode { get; init; }

    public required string Name { get; init; }

    public required string DnsServer { get; init; }

    public required TimeSpan Interval { get; init; }

    public required int FailureThreshold { get; init; }

    public required TimeSpan Bound { get; init; }

    /// <summary>Regions and their targets, best priority first (for naming answers).</summary>
    public required IReadOnlyList<(string Region, string Target)> Targets { get; init; }

    public required DnsAnswer Baseline { get; init; }

    /// <summary>The region the answer should move to: the highest-priority healthy region other than the failed one.</summary>
    public string? ExpectedFailoverRegion { get; init; }

    public required DateTimeOffset WindowStart { get; init; }

    public required DateTimeOffset Started { get; init; }

    public DateTimeOffset? Detected { get; init; }

    public DateTimeOffset? DnsChanged { get; init; }

    public DnsAnswer? FailoverAnswer { get; init; }

    public DateTimeOffset? Restored { get; init; }

    public DateTimeOffset? Recovered { get; init; }

    public DateTimeOffset? FailbackDns { get; init; }

    public required DateTimeOffset WindowEnd { get; init; }

    public required IReadOnlyList<DrillRegionState> RegionStates { get; init; }

    public required IReadOnlyList<DnsAnswerSample> DnsSamples { get; init; }

    public long DnsPolls { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool Success => Problems.Count == 0;

    /// <summary>True when the failed region was in the answer before the drill (so the answer must change).</summary>
    public bool RegionWasActive => Baseline.Regions(Targets).Contains(Region, StringComparer.Ordinal);

    public TimeSpan? Detection => Detected - Started;

    public TimeSpan? Failover => DnsChanged - Started;

    public TimeSpan? Recovery => Recovered - Restored;

    public TimeSpan? Failback => FailbackDns - Restored;

    public bool? WithinBound => Failover is { } failover ? failover <= Bound : null;

    public IReadOnlyList<string> FailoverRegions => FailoverAnswer?.Regions(Targets) ?? [];

    /// <summary>A duration as the report and the history show it: milliseconds, one decimal, or "—".</summary>
    public static string Ms(TimeSpan? duration) =>
        duration is { } d ? d.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "—";
}
