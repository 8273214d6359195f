using System.Net;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Azure.Network;

/// <summary>
/// A virtual network on the region's block with an application subnet and a data subnet, each behind its own
/// network security group, and a NAT gateway for the application subnet's egress. The NSGs are the Azure
/// counterpart of the AWS security groups: HTTPS from the internet and the load balancer's probes reach the
/// application subnet; only the application subnet reaches the database port; everything else is denied.
/// </summary>
public sealed class AzureNetwork : Component
{
    public AzureNetwork(IConstruct scope, string name, AzureNetworkArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var block = IPNetwork2.Parse(args.Cidr);
        var quarters = block.Subnet((byte)(block.Cidr + 2)).ToArray();
        AppSubnetCidr = quarters[0].ToString();
        DataSubnetCidr = quarters[1].ToString();
        var tags = MapValue.Of(args.Tags);
        var port = args.AppPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

        VirtualNetwork = Resource("vnet", AzureTypes.VirtualNetwork, Value.Map(
            ("virtualNetworkName", AzureNames.Of(args.NamePrefix, "vnet")),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", args.Location),
            ("addressSpace", Value.Map(("addressPrefixes", Value.List(args.Cidr)))),
            ("tags", tags)),
            new ResourceOptions { IgnoreChanges = ["subnets"] });

        AppSecurityGroup = Resource("appNsg", AzureTypes.NetworkSecurityGroup, Value.Map(
            ("networkSecurityGroupName", AzureNames.Of(args.NamePrefix, "app-nsg")),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", args.Location),
            ("securityRules", Value.List(
                Rule("allow-https-inbound", 100, "Allow", "Tcp", "Internet", AppSubnetCidr, port),
                Rule("allow-lb-probe", 110, "Allow", "Tcp", "AzureLoadBalancer", AppSubnetCidr, port),
                Rule("deny-all-inbound", 4096, "Deny", "*", "*", "*", "*"))),
            ("tags", tags)));

        DataSecurityGroup = Resource("dataNsg", AzureTypes.NetworkSecurityGroup, Value.Map(
            ("networkSecurityGroupName", AzureNames.Of(args.NamePrefix, "data-nsg")),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", args.Location),
            ("securityRules", Value.List(
                Rule("allow-db-from-app", 100, "Allow", "Tcp", AppSubnetCidr, DataSubnetCidr, args.DatabasePort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Rule("allow-storage-from-app", 110, "Allow", "Tcp", AppSubnetCidr, DataSubnetCidr, "443"),
                Rule("deny-all-inbound", 4096, "Deny", "*", "*", "*", "*"))),
            ("tags", tags)));

        if (args.EnableNatGateway)
        {
            var natAddress = Resource("natIp", AzureTypes.PublicIpAddress, Value.Map(
                ("publicIpAddressName", AzureNames.Of(args.NamePrefix, "nat-ip")),
                ("resourceGroupName", args.ResourceGroupName),
                ("location", args.Location),
                ("sku", Value.Map(("name", "Standard"), ("tier", "Regional"))),
                ("publicIPAllocationMethod", "Static"),
                ("publicIPAddressVersion", "IPv4"),
                ("tags", tags)));
            NatGateway = Resource("natGateway", AzureTypes.NatGateway, Value.Map(
                ("natGatewayName", AzureNames.Of(args.NamePrefix, "nat")),
                ("resourceGroupName", args.ResourceGroupName),
                ("location", args.Location),
                ("sku", Value.Map(("name", "Standard"))),
                ("idleTimeoutInMinutes", 10),
                ("publicIpAddresses", Value.List(Value.Map(("id", natAddress.Output("id"))))),
                ("tags", tags)));
        }

        AppSubnet = Resource("appSubnet", AzureTypes.Subnet, Value.Map(
            ("subnetName", "app"),
            ("resourceGroupName", args.ResourceGroupName),
            ("virtualNetworkName", VirtualNetwork.Output("name")),
            ("addressPrefix", AppSubnetCidr),
            ("defaultOutboundAccess", false),
            ("networkSecurityGroup", Value.Map(("id", AppSecurityGroup.Output("id")))),
            ("natGateway", NatGateway is null ? null : Value.Map(("id", NatGateway.Output("id"))))));

        DataSubnet = Resource("dataSubnet", AzureTypes.Subnet, Value.Map(
            ("subnetName", "data"),
            ("resourceGroupName", args.ResourceGroupName),
            ("virtualNetworkName", VirtualNetwork.Output("name")),
            ("addressPrefix", DataSubnetCidr),
            ("defaultOutboundAccess", false),
            ("privateEndpointNetworkPolicies", "Enabled"),
            ("networkSecurityGroup", Value.Map(("id", DataSecurityGroup.Output("id"))))),
            new ResourceOptions { DependsOn = [AppSubnet] });
    }

    public Resource VirtualNetwork { get; }

    public Resource AppSecurityGroup { get; }

    public Resource DataSecurityGroup { get; }

    public Resource? NatGateway { get; }

    public Resource AppSubnet { get; }

    public Resource DataSubnet { get; }

    public string AppSubnetCidr { get; }

    public string DataSubnetCidr { get; }

    private static Value Rule(string name, int priority, string access, string protocol, string source, string destination, string port) => Value.Map(
        ("name", name),
        ("priority", priority),
        ("direction", "Inbound"),
        ("access", access),
        ("protocol", protocol),
        ("sourceAddressPrefix", source),
        ("sourcePortRange", "*"),
        ("destinationAddressPrefix", destination),
        ("destinationPortRange", port));
}
