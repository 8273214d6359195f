namespace MultiRegion.Components.Azure.Network;

/// <summary>
/// Inputs of <see cref="AzureNetwork"/>. The region's block is split in four: the application subnet, the data
/// subnet (private endpoints), two quarters kept free. Defaults: no implicit outbound access (egress through a NAT
/// gateway), NSGs on both subnets that deny everything not explicitly allowed.
/// </summary>
public sealed record AzureNetworkArgs(string NamePrefix, string Location, Graph.Value ResourceGroupName, string Cidr)
{
    /// <summary>The port the load balancer forwards to (HTTPS on the instances).</summary>
    public int AppPort { get; init; } = 443;

    /// <summary>The port the data subnet serves the application subnet on (Azure SQL).</summary>
    public int DatabasePort { get; init; } = 1433;

    public bool EnableNatGateway { get; init; } = true;

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
