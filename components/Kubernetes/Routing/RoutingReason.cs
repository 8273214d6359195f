namespace MultiRegion.Components.Kubernetes.Routing;

/// <summary>Why a task went where it went.</summary>
public enum RoutingReason
{
    /// <summary>Routed to the highest-priority assigned region that can take work.</summary>
    Region,

    /// <summary>Fallback: the target has no region assignment.</summary>
    NoRegionAssigned,

    /// <summary>Fallback: the assigned region is not part of the topology.</summary>
    UnknownRegion,

    /// <summary>Fallback: the assigned region is disabled in the topology.</summary>
    RegionDisabled,

    /// <summary>Fallback: the assigned region is offline.</summary>
    RegionOffline,

    /// <summary>Fallback: the assigned region has no workers.</summary>
    NoWorkers,
}
