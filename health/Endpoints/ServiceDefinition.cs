namespace MultiRegion.Health.Endpoints;

/// <summary>The DNS name the checker manages and the regions behind it (the endpoints file).</summary>
/// <param name="Service">Fully qualified record name, e.g. "app.example.com.".</param>
/// <param name="Zone">Zone apex, e.g. "example.com.".</param>
/// <param name="Ttl">TTL of the published records in seconds.</param>
/// <param name="Policy">Routing policy.</param>
/// <param name="Endpoints">Regions, at least one enabled.</param>
public sealed record ServiceDefinition(
    string Service,
    string Zone,
    int Ttl,
    RoutingPolicyKind Policy,
    IReadOnlyList<RegionEndpoint> Endpoints)
{
    public RegionEndpoint? FindRegion(string regionId) =>
        Endpoints.FirstOrDefault(e => string.Equals(e.RegionId, regionId, StringComparison.OrdinalIgnoreCase));
}
