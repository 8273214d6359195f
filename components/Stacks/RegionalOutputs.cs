namespace MultiRegion.Components.Stacks;

/// <summary>
/// The outputs every regional stack exports, whatever its cloud: the cross-region stack and the health checker
/// read them by these names.
/// </summary>
public static class RegionalOutputs
{
    /// <summary>The region id (also the stack name).</summary>
    public const string Region = "region";

    /// <summary>The public host name of the region's load balancer (the DNS target).</summary>
    public const string Endpoint = "endpoint";

    /// <summary>The full URL the health checker probes, e.g. <c>https://lb.example/healthz</c>.</summary>
    public const string HealthUrl = "healthUrl";

    /// <summary>The id of the region's network (VPC id, network self link, VNet id).</summary>
    public const string NetworkId = "networkId";

    /// <summary>The region's address block.</summary>
    public const string Cidr = "cidr";
}
