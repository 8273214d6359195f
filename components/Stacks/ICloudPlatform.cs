using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Stacks;

/// <summary>
/// One cloud's implementation of the deployment's parts. A region's <c>cloud</c> setting picks the platform that
/// builds its stack; the primary's platform owns the global stack and the DNS records (DNS failover stays in one
/// DNS provider); every platform adds its own cross-region services for its regions.
/// </summary>
public interface ICloudPlatform
{
    CloudProvider Cloud { get; }

    /// <summary>Declares the global stack (zone, certificates, identities, dashboards).</summary>
    void BuildGlobal(GlobalStackContext context);

    /// <summary>Declares one region's stack and exports the <see cref="RegionalOutputs"/> contract.</summary>
    void BuildRegion(RegionalStackContext context);

    /// <summary>Declares this cloud's cross-region services over <paramref name="regions"/> (its own regions).</summary>
    void BuildCrossRegion(CrossRegionStackContext context, IReadOnlyList<Region> regions);

    /// <summary>Declares the DNS health checks and records for every region (called on the DNS platform only).</summary>
    void BuildDnsRecords(CrossRegionStackContext context);
}
