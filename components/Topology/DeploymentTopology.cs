namespace MultiRegion.Components.Topology;

/// <summary>The validated shape of a deployment: global settings and its regions.</summary>
public sealed record DeploymentTopology(GlobalSettings Global, IReadOnlyList<Region> Regions)
{
    public Region Primary => Regions.Single(r => r.IsPrimary);

    /// <summary>Secondaries, most preferred first (higher priority first, then id for a stable order).</summary>
    public IEnumerable<Region> Secondaries => Regions
        .Where(r => !r.IsPrimary)
        .OrderByDescending(r => r.Priority)
        .ThenBy(r => r.Id, StringComparer.Ordinal);

    public Region? Find(string id) => Regions.FirstOrDefault(r => r.Id == id);

    public IEnumerable<CloudProvider> Clouds => Regions.Select(r => r.Cloud).Distinct().Order();
}
