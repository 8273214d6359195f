namespace MultiRegion.Components.Azure.LoadBalancing;

/// <summary>
/// Inputs of <see cref="AzureLoadBalancer"/>. Defaults: Standard SKU (secure by default: closed unless an NSG
/// allows), a static zone-redundant public IP with a DNS label (the region's endpoint host name), HTTPS probe of the
/// health path, TCP reset on idle, outbound SNAT disabled on the rule (egress uses the NAT gateway).
/// </summary>
public sealed record AzureLoadBalancerArgs(string NamePrefix, string Location, Graph.Value ResourceGroupName, Graph.Value ResourceGroupId, string DnsLabel)
{
    public int FrontendPort { get; init; } = 443;

    public int BackendPort { get; init; } = 443;

    public string HealthPath { get; init; } = "/healthz";

    public int ProbeIntervalSeconds { get; init; } = 10;

    public int ProbeThreshold { get; init; } = 3;

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
