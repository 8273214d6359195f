namespace MultiRegion.Health.Regions;

/// <summary>Health of a region as judged from its probes. Draining is a separate manual flag.</summary>
public enum RegionHealth
{
    Healthy,
    Degraded,
    Offline,
}
