namespace MultiRegion.Components.Kubernetes.Routing;

/// <summary>A region's health as the health checker last decided it (degraded regions still take work).</summary>
public enum RegionHealth
{
    Healthy,
    Degraded,
    Offline,
}
