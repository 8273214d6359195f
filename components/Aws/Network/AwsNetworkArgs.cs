using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Aws.Network;

/// <summary>Inputs of <see cref="AwsNetwork"/>. Defaults: three zones, a NAT gateway per zone, DNS on, default security group locked.</summary>
public sealed record AwsNetworkArgs(string Cidr)
{
    public int AvailabilityZones { get; init; } = 3;

    public NatStrategy NatStrategy { get; init; } = NatStrategy.OnePerAz;
}
