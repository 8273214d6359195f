namespace MultiRegion.Components.Topology;

/// <summary>Compute and data sizes of one region.</summary>
public sealed record RegionCapacity(
    int MinSize,
    int MaxSize,
    int DesiredSize,
    string InstanceType,
    string DatabaseInstanceClass,
    string CacheNodeType)
{
    public static RegionCapacity Default { get; } = new(2, 6, 2, "t3.medium", "db.r6g.large", "cache.t4g.medium");
}
