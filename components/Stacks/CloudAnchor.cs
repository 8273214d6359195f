using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Stacks;

/// <summary>
/// The region that holds a cloud's writable copy of the data: the deployment's primary when it runs on that cloud,
/// otherwise that cloud's highest-priority enabled region. Other regions of the same cloud replicate from it with the
/// cloud's native mechanism (Cloud SQL replicas, Azure SQL failover groups); data does not cross clouds natively —
/// that is the application's (or a migration service's) job, and the docs say so.
/// </summary>
public static class CloudAnchor
{
    public static Region? For(DeploymentTopology topology, CloudProvider cloud)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var primary = topology.Regions.FirstOrDefault(r => r.IsPrimary);
        if (primary is not null && primary.Cloud == cloud)
        {
            return primary;
        }

        return topology.Regions
            .Where(r => r.Cloud == cloud && r.Enabled)
            .OrderByDescending(r => r.Priority)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    public static bool IsAnchor(DeploymentTopology topology, Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return For(topology, region.Cloud)?.Id == region.Id;
    }
}
