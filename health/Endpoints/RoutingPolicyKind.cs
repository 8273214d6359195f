namespace MultiRegion.Health.Endpoints;

/// <summary>Which routing policy the endpoints file asks for.</summary>
public enum RoutingPolicyKind
{
    Failover,
    Weighted,
    Latency,
    Geo,
}
