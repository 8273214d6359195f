namespace MultiRegion.Components.Topology;

/// <summary>
/// One region of the deployment. <see cref="Id"/> is also the name of its Pulumi stack;
/// <see cref="CloudRegion"/> is the provider's region name (they differ for, say, a GCP region).
/// </summary>
public sealed record Region(
    string Id,
    CloudProvider Cloud,
    string CloudRegion,
    RegionRole Role,
    int Priority,
    bool Enabled,
    string Cidr,
    IReadOnlyList<string> Compliance,
    int Weight,
    RegionCapacity Capacity,
    NetworkSettings Network,
    WorkerPoolSettings WorkerPool)
{
    public bool IsPrimary => Role == RegionRole.Primary;

    public bool HasCompliance(string tag) => Compliance.Contains(tag, StringComparer.OrdinalIgnoreCase);
}
