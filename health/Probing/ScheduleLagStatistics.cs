namespace MultiRegion.Health.Probing;

/// <summary>Schedule lag (actual probe start − planned tick start) percentiles.</summary>
public sealed record ScheduleLagStatistics(TimeSpan P50, TimeSpan P99, TimeSpan Max, int Count)
{
    public static ScheduleLagStatistics Empty { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0);

    public static ScheduleLagStatistics From(IEnumerable<TimeSpan> lags)
    {
        ArgumentNullException.ThrowIfNull(lags);
        var sorted = lags.Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        return new ScheduleLagStatistics(Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1], sorted.Length);
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
