namespace MultiRegion.Components.Topology;

/// <summary>How a regional endpoint is probed, by Route 53 health checks and by the post-deploy checker alike.</summary>
public sealed record HealthCheckSettings(string Path, int IntervalSeconds, int FailureThreshold, int Ttl)
{
    public static HealthCheckSettings Default { get; } = new("/healthz", 10, 3, 60);
}
