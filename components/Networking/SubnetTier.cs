namespace MultiRegion.Components.Networking;

/// <summary>The tiers a region's network is split into.</summary>
public enum SubnetTier
{
    /// <summary>Load balancers and NAT gateways; routed to the internet gateway.</summary>
    Public,

    /// <summary>Application instances; egress through NAT only.</summary>
    Private,

    /// <summary>Databases and caches; no route out of the VPC.</summary>
    Database,
}
