namespace MultiRegion.Components.Topology;

/// <summary>How a region's address block is laid out.</summary>
public sealed record NetworkSettings(int AvailabilityZoneCount, NatStrategy NatStrategy)
{
    public static NetworkSettings Default { get; } = new(3, NatStrategy.OnePerAz);
}
