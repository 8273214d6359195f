namespace MultiRegion.Infra.Drills;

/// <summary>Nearest-rank percentiles of durations (p50, p95…).</summary>
public static class Percentile
{
    public static TimeSpan? Of(IEnumerable<TimeSpan> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
