using MultiRegion.Components.Kubernetes.Workers;

namespace MultiRegion.Components.Kubernetes.Routing;

/// <summary>
/// The task routing rule. A target (a tenant, a dataset…) is assigned to one or more regions; its tasks go to the
/// queue of the highest-priority assigned region that is enabled, not offline and has workers
/// (<c>region_&lt;id&gt;</c>); when no assigned region qualifies — or nothing is assigned — they go to the shared
/// fallback queue, which every regional pool and the central fallback pool consume. Ties in priority break by
/// region id so the answer is deterministic. The fallback reason reported is that of the most preferred assigned
/// region, which is the one an operator wants to look at.
/// </summary>
public sealed class QueueRouter
{
    private readonly IReadOnlyDictionary<string, RegionRoutingState> _regions;

    public QueueRouter(IEnumerable<RegionRoutingState> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        _regions = regions.ToDictionary(r => r.RegionId, StringComparer.Ordinal);
    }

    /// <summary>Routes a target assigned to a single region (or to none: null or empty).</summary>
    public QueueDecision Route(string? assignedRegion) =>
        Route(string.IsNullOrEmpty(assignedRegion) ? [] : [assignedRegion]);

    /// <summary>Routes a target assigned to several regions.</summary>
    public QueueDecision Route(IEnumerable<string>? assignedRegions)
    {
        var assigned = (assignedRegions ?? []).Where(r => !string.IsNullOrEmpty(r)).Distinct(StringComparer.Ordinal).ToArray();
        if (assigned.Length == 0)
        {
            return Fallback(RoutingReason.NoRegionAssigned);
        }

        var known = assigned
            .Select(id => _regions.GetValueOrDefault(id))
            .OfType<RegionRoutingState>()
            .OrderByDescending(r => r.Priority)
            .ThenBy(r => r.RegionId, StringComparer.Ordinal)
            .ToArray();

        var chosen = known.FirstOrDefault(r => r.CanTakeWork);
        if (chosen is not null)
        {
            return new QueueDecision(WorkerQueues.ForRegion(chosen.RegionId), chosen.RegionId, RoutingReason.Region);
        }

        if (known.Length == 0)
        {
            return Fallback(RoutingReason.UnknownRegion);
        }

        var best = known[0];
        return Fallback(!best.Enabled ? RoutingReason.RegionDisabled
            : best.Health == RegionHealth.Offline ? RoutingReason.RegionOffline
            : RoutingReason.NoWorkers);
    }

    private static QueueDecision Fallback(RoutingReason reason) => new(WorkerQueues.Fallback, null, reason);
}
