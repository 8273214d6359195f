using MultiRegion.Health.Dns;

namespace MultiRegion.Health.Routing;

/// <summary>One latency record per serving region (set identifier and region = region id); unhealthy regions withdrawn.</summary>
public sealed class LatencyPolicy : IRoutingPolicy
{
    public string Name => "latency";

    public RoutingDecision Decide(RoutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var serving = RoutingRecords.Serving(context);
        if (serving is null)
        {
            return RoutingRecords.FailOpen(context, regions => Build(context, regions));
        }

        var ids = RoutingRecords.ByPreference(serving.Value.Regions).Select(r => r.RegionId).ToList();
        return new RoutingDecision(Build(context, serving.Value.Regions), $"latency records for {string.Join(", ", ids)}", false, ids);
    }

    private static List<DnsRecordSet> Build(RoutingContext context, IReadOnlyList<RegionStatus> regions) =>
        [.. RoutingRecords.ByPreference(regions).Select(r => new DnsRecordSet(
            DnsName.Normalize(context.Name), r.Endpoint.RecordType, context.Ttl, [r.Endpoint.CanonicalTarget], SetIdentifier: r.RegionId, Region: r.RegionId))];
}
