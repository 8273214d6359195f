using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Aws.Replication;

/// <summary>
/// The data-residency rule every replicating component and the policy gate share.
/// <para>Residency restricts data <em>leaving</em> a restricted region: a region with the <c>gdpr</c> compliance tag
/// may replicate only to regions in the EU/EEA, unless <c>residencyExceptions</c> names that exact
/// (from, to) pair. Replication <em>into</em> a restricted region is allowed (the primary's copy arriving in
/// Frankfurt does not move EU data anywhere). A flow is one direction; a multi-writer store (a DynamoDB global
/// table) flows both ways between every pair of members, so each member needs both directions allowed.</para>
/// </summary>
public static class ResidencyRules
{
    public const string Gdpr = "gdpr";

    public static bool IsRestricted(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.HasCompliance(Gdpr);
    }

    /// <summary>Whether data may be copied from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool MayReplicate(DeploymentTopology topology, Region from, Region to)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return from.Id == to.Id
            || !IsRestricted(from)
            || KnownRegions.IsInEurope(to.Cloud, to.CloudRegion)
            || topology.Global.ResidencyExceptions.Any(e => e.FromRegion == from.Id && e.ToRegion == to.Id);
    }

    /// <summary>
    /// The members of a multi-writer store homed in <paramref name="home"/>: <paramref name="candidates"/> in order,
    /// each admitted only if data may flow both ways between it and every member admitted so far.
    /// </summary>
    public static IReadOnlyList<Region> MultiWriterMembers(DeploymentTopology topology, Region home, IEnumerable<Region> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var members = new List<Region> { home };
        foreach (var candidate in candidates.Where(c => c.Id != home.Id))
        {
            if (members.All(m => MayReplicate(topology, m, candidate) && MayReplicate(topology, candidate, m)))
            {
                members.Add(candidate);
            }
        }

        return members;
    }
}
