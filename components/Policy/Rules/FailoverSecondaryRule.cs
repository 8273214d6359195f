using MultiRegion.Components.Aws;
using MultiRegion.Components.Topology;
using static MultiRegion.Components.Policy.ValueQuery;

namespace MultiRegion.Components.Policy.Rules;

/// <summary>
/// MR008: a failover deployment has somewhere to fail over to — at least one enabled secondary region, and, where
/// Route 53 failover records are declared, at least one SECONDARY record.
/// </summary>
public sealed class FailoverSecondaryRule : PolicyRule
{
    public override string Id => "MR008-failover-secondary";

    public override string Description => "failover routing has at least one enabled secondary";

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Topology.Global.RoutingPolicy != RoutingPolicyKind.Failover)
        {
            yield break;
        }

        if (!context.Topology.Regions.Any(r => !r.IsPrimary && r.Enabled))
        {
            yield return TopologyFinding("regions", "routingPolicy is failover but no secondary region is enabled: a primary outage has nowhere to go");
        }

        var failoverRecords = context.OfType(AwsTypes.Record)
            .Where(x => Items(x.Resource.Property("failoverRoutingPolicies")).Count > 0)
            .ToArray();
        if (failoverRecords.Length > 0 && !failoverRecords.Any(x => Items(x.Resource.Property("failoverRoutingPolicies")).Any(p => Text(At(p, "type")) == "SECONDARY")))
        {
            var (stack, first) = failoverRecords[0];
            yield return Finding(stack, first, "failoverRoutingPolicies", "failover records declare a PRIMARY but no SECONDARY");
        }
    }
}
