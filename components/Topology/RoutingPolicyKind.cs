namespace MultiRegion.Components.Topology;

/// <summary>How the service name is answered across regions.</summary>
public enum RoutingPolicyKind
{
    /// <summary>One active region: the highest-priority healthy one.</summary>
    Failover,

    /// <summary>All healthy regions, by weight.</summary>
    Weighted,

    /// <summary>One record per region; the resolver picks the closest.</summary>
    Latency,

    /// <summary>One record per region by geography, plus a default.</summary>
    Geo,
}
