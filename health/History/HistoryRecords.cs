using MultiRegion.Health.Regions;

namespace MultiRegion.Health.History;

/// <summary>A persisted health transition.</summary>
public sealed record TransitionEntry(long Id, string RegionId, RegionHealth From, RegionHealth To, string Reason, DateTimeOffset At);

/// <summary>A persisted DNS change attempt (applied, dry-run, refused or failed).</summary>
public sealed record DnsChangeEntry(long Id, string Zone, string Name, string Provider, string Summary, bool DryRun, bool Success, string? Error, DateTimeOffset At);

/// <summary>A failover: the active answer moved from one set of regions to another.</summary>
public sealed record FailoverEntry(
    long Id,
    string Service,
    string? FromRegion,
    string? ToRegion,
    string Reason,
    DateTimeOffset Started,
    DateTimeOffset? Completed,
    TimeSpan? Duration,
    bool Success);

/// <summary>A drill (written by the drill runner; timestamps null when the step did not happen).</summary>
public sealed record DrillEntry(
    long Id,
    string RegionId,
    DateTimeOffset Started,
    DateTimeOffset? Detected,
    DateTimeOffset? DnsChanged,
    DateTimeOffset? Restored,
    DateTimeOffset? FailbackDns,
    bool Success,
    string? ReportPath,
    string? DetailsJson);
