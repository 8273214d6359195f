namespace MultiRegion.Health.Probing;

/// <summary>One probe round: every result, the lag statistics and how long the round took.</summary>
public sealed record ProbeTickResult(
    DateTimeOffset PlannedStart,
    IReadOnlyList<ProbeResult> Results,
    ScheduleLagStatistics Lag,
    TimeSpan Duration)
{
    /// <summary>Per-probe schedule lag, in endpoint order.</summary>
    public IReadOnlyList<TimeSpan> Lags { get; init; } = [];

    public int ProbeCount => Results.Count;

    public int SuccessCount => Results.Count(r => r.Success);
}

/// <summary>Aggregate of several rounds (for the benchmark command).</summary>
public sealed record ProbeRunSummary(int Ticks, int Probes, int Successes, ScheduleLagStatistics Lag, TimeSpan MaxTickDuration);
