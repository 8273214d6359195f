using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Azure.Dns;

/// <summary>
/// Inputs of <see cref="TrafficManagerProfile"/>. The routing method follows the topology's policy (failover →
/// Priority, weighted → Weighted, latency and geo → Performance); the monitor probes HTTPS on 443 at the health
/// path. Traffic Manager only supports 10- or 30-second intervals, so the interval is rounded to one of them.
/// </summary>
public sealed record TrafficManagerProfileArgs(string ProfileName, string RelativeDnsName, Graph.Value ResourceGroupName, RoutingPolicyKind Policy)
{
    public string HealthPath { get; init; } = "/healthz";

    public int IntervalSeconds { get; init; } = 10;

    public int ToleratedFailures { get; init; } = 3;

    public int Ttl { get; init; } = 60;

    /// <summary>The host header the monitor sends (the service name, so TLS and virtual hosting match).</summary>
    public string? HostHeader { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public string RoutingMethod => Policy switch
    {
        RoutingPolicyKind.Failover => "Priority",
        RoutingPolicyKind.Weighted => "Weighted",
        _ => "Performance",
    };
}
