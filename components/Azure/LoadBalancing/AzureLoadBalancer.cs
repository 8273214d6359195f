using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Azure.LoadBalancing;

/// <summary>
/// The region's public entry point: a Standard public IP with a DNS label and a Standard load balancer with one
/// frontend, one backend pool, an HTTPS health probe and a TCP 443 rule. The load balancer's child ids are built
/// from the resource group id and the fixed name, because the rule must reference the frontend, pool and probe of
/// the same resource before it exists.
/// </summary>
public sealed class AzureLoadBalancer : Component
{
    public const string FrontendName = "public";
    public const string PoolName = "app";
    public const string ProbeName = "health";

    public AzureLoadBalancer(IConstruct scope, string name, AzureLoadBalancerArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var tags = MapValue.Of(args.Tags);
        LoadBalancerName = AzureNames.Of(args.NamePrefix, "lb");
        PublicIp = Resource("publicIp", AzureTypes.PublicIpAddress, Value.Map(
            ("publicIpAddressName", AzureNames.Of(args.NamePrefix, "lb-ip")),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", args.Location),
            ("sku", Value.Map(("name", "Standard"), ("tier", "Regional"))),
            ("publicIPAllocationMethod", "Static"),
            ("publicIPAddressVersion", "IPv4"),
            ("dnsSettings", Value.Map(("domainNameLabel", args.DnsLabel))),
            ("tags", tags)));

        Value Child(string kind, string child) => InterpolatedValue.Of(
            args.ResourceGroupId, $"/providers/Microsoft.Network/loadBalancers/{LoadBalancerName}/{kind}/{child}");

        LoadBalancer = Resource("loadBalancer", AzureTypes.LoadBalancer, Value.Map(
            ("loadBalancerName", LoadBalancerName),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", args.Location),
            ("sku", Value.Map(("name", "Standard"), ("tier", "Regional"))),
            ("frontendIPConfigurations", Value.List(Value.Map(
                ("name", FrontendName),
                ("publicIPAddress", Value.Map(("id", PublicIp.Output("id"))))))),
            ("backendAddressPools", Value.List(Value.Map(("name", PoolName)))),
            ("probes", Value.List(Value.Map(
                ("name", ProbeName),
                ("protocol", "Https"),
                ("port", args.BackendPort),
                ("requestPath", args.HealthPath),
                ("intervalInSeconds", args.ProbeIntervalSeconds),
                ("probeThreshold", args.ProbeThreshold),
                ("numberOfProbes", args.ProbeThreshold)))),
            ("loadBalancingRules", Value.List(Value.Map(
                ("name", "https"),
                ("protocol", "Tcp"),
                ("frontendPort", args.FrontendPort),
                ("backendPort", args.BackendPort),
                ("enableTcpReset", true),
                ("disableOutboundSnat", true),
                ("idleTimeoutInMinutes", 4),
                ("loadDistribution", "Default"),
                ("frontendIPConfiguration", Value.Map(("id", Child("frontendIPConfigurations", FrontendName)))),
                ("backendAddressPool", Value.Map(("id", Child("backendAddressPools", PoolName)))),
                ("probe", Value.Map(("id", Child("probes", ProbeName))))))),
            ("tags", tags)));
    }

    public string LoadBalancerName { get; }

    public Resource PublicIp { get; }

    public Resource LoadBalancer { get; }

    /// <summary>The public host name, <c>{label}.{location}.cloudapp.azure.com</c> (the region's DNS target).</summary>
    public Value HostName => PublicIp.Output("dnsSettings.fqdn");

    public Value BackendPoolId => InterpolatedValue.Of(LoadBalancer.Output("id"), $"/backendAddressPools/{PoolName}");

    public Value ProbeId => InterpolatedValue.Of(LoadBalancer.Output("id"), $"/probes/{ProbeName}");
}
