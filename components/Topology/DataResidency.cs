namespace MultiRegion.Components.Topology;

/// <summary>
/// The data-residency rule for replication: data of a region tagged <c>gdpr</c> that lies in the EU/EEA stays in
/// the EU/EEA unless a <see cref="ResidencyException"/> names that exact flow (from → to).
/// </summary>
public static class DataResidency
{
    public const string Gdpr = "gdpr";

    public static bool AllowsReplication(DeploymentTopology topology, Region from, Region to)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!from.HasCompliance(Gdpr) || !KnownRegions.IsInEurope(from.Cloud, from.CloudRegion) || KnownRegions.IsInEurope(to.Cloud, to.CloudRegion))
        {
            return true;
        }

        return topology.Global.ResidencyExceptions.Any(e => e.FromRegion == from.Id && e.ToRegion == to.Id);
    }
}
