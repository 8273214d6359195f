namespace MultiRegion.Components.Kubernetes.Routing;

/// <summary>The queue a task goes to, the region it stands for (null for the fallback queue) and why.</summary>
public sealed record QueueDecision(string Queue, string? RegionId, RoutingReason Reason)
{
    public bool IsFallback => RegionId is null;
}
