using MultiRegion.Components.Topology;
using MultiRegion.Health.Endpoints;
using HealthPolicy = MultiRegion.Health.Endpoints.RoutingPolicyKind;

namespace MultiRegion.Infra.Endpoints;

/// <summary>The health checker's view of a deployment: the service name, the zone, and each region's endpoint.</summary>
internal static class ServiceDefinitions
{
    /// <summary>Builds the service from the topology and each region's (health URL, DNS target) from wherever they were read.</summary>
    public static ServiceDefinition From(DeploymentTopology topology, IReadOnlyDictionary<string, (Uri HealthUrl, string Target)> endpoints)
    {
        var global = topology.Global;
        return new ServiceDefinition(
            global.ServiceFqdn,
            global.Domain,
            global.HealthCheck.Ttl,
            Policy(global.RoutingPolicy),
            topology.Regions
                .Where(r => endpoints.ContainsKey(r.Id))
                .Select(r => new RegionEndpoint(
                    r.Id,
                    endpoints[r.Id].HealthUrl,
                    endpoints[r.Id].Target,
                    r.Priority,
                    r.Weight,
                    r.Enabled,
                    Continents.Of(r.Cloud, r.CloudRegion)))
                .ToArray());
    }

    public static HealthPolicy Policy(Components.Topology.RoutingPolicyKind kind) => kind switch
    {
        Components.Topology.RoutingPolicyKind.Weighted => HealthPolicy.Weighted,
        Components.Topology.RoutingPolicyKind.Latency => HealthPolicy.Latency,
        Components.Topology.RoutingPolicyKind.Geo => HealthPolicy.Geo,
        _ => HealthPolicy.Failover,
    };
}
