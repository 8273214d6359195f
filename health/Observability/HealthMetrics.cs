using System.Globalization;
using System.Text;
using MultiRegion.Health.Probing;
using MultiRegion.Health.Regions;

namespace MultiRegion.Health.Observability;

/// <summary>
/// Prometheus metrics fed as an <see cref="IHealthCheckObserver"/>: probe latency histogram, DNS changes, failovers,
/// schedule lag; region up/down comes from the checker snapshot when rendering.
/// </summary>
public sealed class HealthMetrics : IHealthCheckObserver
{
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private readonly Lock gate = new();
    private readonly Dictionary<string, Histogram> latency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> probes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> probeFailures = new(StringComparer.Ordinal);
    private long dnsChanges;
    private long dnsChangeFailures;
    private long failovers;
    private long transitions;
    private ScheduleLagStatistics lastLag = ScheduleLagStatistics.Empty;

    public long DnsChanges => Interlocked.Read(ref dnsChanges);

    public long Failovers => Interlocked.Read(ref failovers);

    public void OnProbeTick(ProbeTickResult tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        lock (gate)
        {
            lastLag = tick.Lag;
            foreach (var result in tick.Results)
            {
                if (!latency.TryGetValue(result.RegionId, out var histogram))
                {
                    latency[result.RegionId] = histogram = new Histogram();
                }

                histogram.Observe(result.Latency.TotalSeconds);
                probes[result.RegionId] = probes.GetValueOrDefault(result.RegionId) + 1;
                if (!result.Success)
                {
                    probeFailures[result.RegionId] = probeFailures.GetValueOrDefault(result.RegionId) + 1;
                }
            }
        }
    }

    public void OnTransition(HealthTransition transition) => Interlocked.Increment(ref transitions);

    public void OnCycle(CheckCycleResult cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.Outcome == CycleOutcome.Applied)
        {
            Interlocked.Increment(ref dnsChanges);
        }
        else if (cycle.Outcome is CycleOutcome.ApplyFailed or CycleOutcome.ReadFailed or CycleOutcome.ForeignRecord)
        {
            Interlocked.Increment(ref dnsChangeFailures);
        }
    }

    public void OnFailover(FailoverEvent failover)
    {
        ArgumentNullException.ThrowIfNull(failover);
        if (failover.Success)
        {
            Interlocked.Increment(ref failovers);
        }
    }

    /// <summary>Prometheus text exposition format 0.0.4.</summary>
    public string Render(CheckerSnapshot? snapshot)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"# HELP multiregion_region_up 1 when the region is healthy or degraded and not drained, else 0.");
        Line($"# TYPE multiregion_region_up gauge");
        foreach (var region in snapshot?.Regions ?? [])
        {
            var up = region.Health != RegionHealth.Offline && !region.Drained ? 1 : 0;
            Line($"multiregion_region_up{{region=\"{Escape(region.RegionId)}\",health=\"{region.Health.ToString().ToLowerInvariant()}\",drained=\"{(region.Drained ? "true" : "false")}\"}} {up}");
        }

        Line($"# HELP multiregion_region_active 1 when the published DNS answer sends traffic to the region.");
        Line($"# TYPE multiregion_region_active gauge");
        foreach (var region in snapshot?.Regions ?? [])
        {
            Line($"multiregion_region_active{{region=\"{Escape(region.RegionId)}\"}} {(snapshot!.ActiveRegions.Contains(region.RegionId) ? 1 : 0)}");
        }

        lock (gate)
        {
            Line($"# HELP multiregion_probe_latency_seconds Health probe latency.");
            Line($"# TYPE multiregion_probe_latency_seconds histogram");
            foreach (var (region, histogram) in latency.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var label = Escape(region);
                for (var i = 0; i < Buckets.Length; i++)
                {
                    Line($"multiregion_probe_latency_seconds_bucket{{region=\"{label}\",le=\"{Buckets[i]}\"}} {histogram.Counts[i]}");
                }

                Line($"multiregion_probe_latency_seconds_bucket{{region=\"{label}\",le=\"+Inf\"}} {histogram.Count}");
                Line($"multiregion_probe_latency_seconds_sum{{region=\"{label}\"}} {histogram.Sum}");
                Line($"multiregion_probe_latency_seconds_count{{region=\"{label}\"}} {histogram.Count}");
            }

            Line($"# HELP multiregion_probes_total Probes sent, by region.");
            Line($"# TYPE multiregion_probes_total counter");
            foreach (var (region, count) in probes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Line($"multiregion_probes_total{{region=\"{Escape(region)}\"}} {count}");
            }

            Line($"# HELP multiregion_probe_failures_total Failed probes, by region.");
            Line($"# TYPE multiregion_probe_failures_total counter");
            foreach (var (region, count) in probeFailures.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Line($"multiregion_probe_failures_total{{region=\"{Escape(region)}\"}} {count}");
            }

            Line($"# HELP multiregion_schedule_lag_seconds Probe start minus planned tick start, last tick.");
            Line($"# TYPE multiregion_schedule_lag_seconds summary");
            Line($"multiregion_schedule_lag_seconds{{quantile=\"0.5\"}} {lastLag.P50.TotalSeconds}");
            Line($"multiregion_schedule_lag_seconds{{quantile=\"0.99\"}} {lastLag.P99.TotalSeconds}");
            Line($"multiregion_schedule_lag_seconds{{quantile=\"1\"}} {lastLag.Max.TotalSeconds}");
            Line($"multiregion_schedule_lag_seconds_count {lastLag.Count}");
        }

        Line($"# HELP multiregion_dns_changes_total DNS changes applied.");
        Line($"# TYPE multiregion_dns_changes_total counter");
        Line($"multiregion_dns_changes_total {DnsChanges}");
        Line($"# HELP multiregion_dns_errors_total Cycles whose DNS read or write failed.");
        Line($"# TYPE multiregion_dns_errors_total counter");
        Line($"multiregion_dns_errors_total {Interlocked.Read(ref dnsChangeFailures)}");
        Line($"# HELP multiregion_failovers_total Completed failovers (the answer moved to other regions).");
        Line($"# TYPE multiregion_failovers_total counter");
        Line($"multiregion_failovers_total {Failovers}");
        Line($"# HELP multiregion_health_transitions_total Region health transitions.");
        Line($"# TYPE multiregion_health_transitions_total counter");
        Line($"multiregion_health_transitions_total {Interlocked.Read(ref transitions)}");
        return text.ToString();
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private sealed class Histogram
    {
        public long[] Counts { get; } = new long[Buckets.Length];

        public long Count { get; private set; }

        public double Sum { get; private set; }

        public void Observe(double value)
        {
            Count++;
            Sum += value;
            for (var i = 0; i < Buckets.Length; i++)
            {
                if (value <= Buckets[i])
                {
                    Counts[i]++;
                }
            }
        }
    }
}
