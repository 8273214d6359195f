namespace MultiRegion.Health.Probing;

/// <summary>Outcome of one probe of one region.</summary>
public sealed record ProbeResult(
    string RegionId,
    bool Success,
    int? StatusCode,
    TimeSpan Latency,
    string? Error,
    DateTimeOffset Timestamp);
