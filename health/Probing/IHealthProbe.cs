using MultiRegion.Health.Endpoints;

namespace MultiRegion.Health.Probing;

/// <summary>Probes one region once. Never throws for a failing endpoint: failures are results.</summary>
public interface IHealthProbe
{
    Task<ProbeResult> ProbeAsync(RegionEndpoint endpoint, CancellationToken cancellationToken = default);
}
