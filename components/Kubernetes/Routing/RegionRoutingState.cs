namespace MultiRegion.Components.Kubernetes.Routing;

/// <summary>
/// What the router knows of one region: its priority (higher wins), whether the topology enables it, its health,
/// and whether it has workers (its stack exports <c>workerQueue</c>).
/// </summary>
public sealed record RegionRoutingState(string RegionId, int Priority, bool Enabled, RegionHealth Health, bool HasWorkers)
{
    public bool CanTakeWork => Enabled && Health != RegionHealth.Offline && HasWorkers;
}
