using MultiRegion.Health.Endpoints;
using MultiRegion.Health.Regions;

namespace MultiRegion.Health.Routing;

/// <summary>A region as a policy sees it: its endpoint, health and drain flag.</summary>
public sealed record RegionStatus(RegionEndpoint Endpoint, RegionHealth Health, bool Drained = false)
{
    public string RegionId => Endpoint.RegionId;

    /// <summary>Enabled, not drained and not offline.</summary>
    public bool IsServing => Endpoint.Enabled && !Drained && Health != RegionHealth.Offline;
}
