namespace MultiRegion.Components.Topology;

/// <summary>How private subnets reach the internet (the pulumi-awsx VPC idea).</summary>
public enum NatStrategy
{
    /// <summary>No NAT gateway: private subnets have no route to the internet.</summary>
    None,

    /// <summary>One NAT gateway shared by every availability zone (cheaper, one zone's failure cuts egress).</summary>
    Single,

    /// <summary>One NAT gateway per availability zone (the default for production).</summary>
    OnePerAz,
}
