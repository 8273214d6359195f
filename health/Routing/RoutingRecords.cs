using MultiRegion.Health.Dns;
using MultiRegion.Health.Endpoints;

namespace MultiRegion.Health.Routing;

/// <summary>Shared building blocks of the policies: record construction, preference order and fail-open.</summary>
internal static class RoutingRecords
{
    /// <summary>Highest priority first, then region id (deterministic).</summary>
    public static IEnumerable<RegionStatus> ByPreference(IEnumerable<RegionStatus> regions) =>
        regions.OrderByDescending(r => r.Endpoint.Priority).ThenBy(r => r.RegionId, StringComparer.Ordinal);

    public static DnsRecordSet Plain(string name, int ttl, IEnumerable<RegionEndpoint> endpoints)
    {
        var list = endpoints.ToList();
        return new DnsRecordSet(DnsName.Normalize(name), list[0].RecordType, ttl, [.. list.Select(e => e.CanonicalTarget).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Serving regions, preferring Healthy over Degraded; null when none serves.
    /// </summary>
    public static (IReadOnlyList<RegionStatus> Regions, bool DegradedOnly)? Serving(RoutingContext context)
    {
        var healthy = context.Regions.Where(r => r.IsServing && r.Health == Regions.RegionHealth.Healthy).ToList();
        if (healthy.Count > 0)
        {
            return (healthy, false);
        }

        var degraded = context.Regions.Where(r => r.IsServing).ToList();
        return degraded.Count > 0 ? (degraded, true) : null;
    }

    /// <summary>
    /// Fail open: keep what DNS serves now (the last good answer) or, if nothing is published yet, every enabled region.
    /// </summary>
    public static RoutingDecision FailOpen(RoutingContext context, Func<IReadOnlyList<RegionStatus>, IReadOnlyList<DnsRecordSet>> build)
    {
        if (context.Current.Count > 0)
        {
            return new RoutingDecision(context.Current, "no region is serving: failing open, keeping the current answer", true, ActiveRegions(context.Regions, context.Current));
        }

        var enabled = context.Regions.Where(r => r.Endpoint.Enabled).ToList();
        if (enabled.Count == 0)
        {
            enabled = [.. context.Regions];
        }

        var records = build(enabled);
        return new RoutingDecision(records, "no region is serving and nothing is published: failing open to every enabled region", true, ActiveRegions(context.Regions, records));
    }

    /// <summary>Regions whose target appears in the records (best preference first).</summary>
    public static IReadOnlyList<string> ActiveRegions(IEnumerable<RegionStatus> regions, IEnumerable<DnsRecordSet> records)
    {
        var values = records.SelectMany(r => r.NormalizedValues()).ToHashSet(StringComparer.Ordinal);
        return [.. ByPreference(regions).Where(r => values.Contains(r.Endpoint.CanonicalTarget)).Select(r => r.RegionId)];
    }
}
