using MultiRegion.Health.Endpoints;

namespace MultiRegion.Health.Routing;

/// <summary>Creates the policy named in the endpoints file.</summary>
public static class RoutingPolicies
{
    public static IRoutingPolicy Create(RoutingPolicyKind kind) => kind switch
    {
        RoutingPolicyKind.Failover => new FailoverPolicy(),
        RoutingPolicyKind.Weighted => new WeightedPolicy(),
        RoutingPolicyKind.Latency => new LatencyPolicy(),
        RoutingPolicyKind.Geo => new GeoPolicy(),
        _ => throw new HealthConfigurationException($"policy: '{kind}' is not a known routing policy"),
    };
}
