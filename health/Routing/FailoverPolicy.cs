using MultiRegion.Health.Dns;

namespace MultiRegion.Health.Routing;

/// <summary>
/// One active region: the highest-priority healthy, enabled, non-drained one; a degraded region only when no
/// healthy one exists; fail open when none serves.
/// </summary>
public sealed class FailoverPolicy : IRoutingPolicy
{
    public string Name => "failover";

    public RoutingDecision Decide(RoutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var serving = RoutingRecords.Serving(context);
        if (serving is null)
        {
            return RoutingRecords.FailOpen(context, regions => [RoutingRecords.Plain(context.Name, context.Ttl, [RoutingRecords.ByPreference(regions).First().Endpoint])]);
        }

        var active = RoutingRecords.ByPreference(serving.Value.Regions).First();
        var records = new List<DnsRecordSet> { RoutingRecords.Plain(context.Name, context.Ttl, [active.Endpoint]) };
        var reason = serving.Value.DegradedOnly
            ? $"no healthy region: using degraded {active.RegionId} (priority {active.Endpoint.Priority})"
            : $"{active.RegionId} is the highest-priority healthy region (priority {active.Endpoint.Priority})";
        return new RoutingDecision(records, reason, false, [active.RegionId]);
    }
}
