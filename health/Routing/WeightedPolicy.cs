using MultiRegion.Health.Dns;

namespace MultiRegion.Health.Routing;

/// <summary>Every healthy region, one weighted record each (set identifier = region id); degraded only if none is healthy.</summary>
public sealed class WeightedPolicy : IRoutingPolicy
{
    public string Name => "weighted";

    public RoutingDecision Decide(RoutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var serving = RoutingRecords.Serving(context);
        if (serving is null)
        {
            return RoutingRecords.FailOpen(context, regions => Build(context, regions));
        }

        var regions = serving.Value.Regions;
        var records = Build(context, regions);
        var ids = RoutingRecords.ByPreference(regions).Select(r => r.RegionId).ToList();
        return new RoutingDecision(records, $"weighted across {(serving.Value.DegradedOnly ? "degraded" : "healthy")} regions: {string.Join(", ", ids)}", false, ids);
    }

    private static List<DnsRecordSet> Build(RoutingContext context, IReadOnlyList<RegionStatus> regions) =>
        [.. RoutingRecords.ByPreference(regions).Select(r => new DnsRecordSet(
            DnsName.Normalize(context.Name), r.Endpoint.RecordType, context.Ttl, [r.Endpoint.CanonicalTarget], SetIdentifier: r.RegionId, Weight: r.Endpoint.Weight))];
}
