using MultiRegion.Components.Graph;
using MultiRegion.Components.Networking;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Aws.Network;

/// <summary>
/// A VPC with public, private and database subnets in each availability zone, carved from the region's block by
/// <see cref="SubnetPlan"/>. Public subnets route to an internet gateway; private subnets egress through NAT
/// (per <see cref="NatStrategy"/>); database subnets have no route out. The default security group is emptied so
/// nothing can use it by accident.
/// </summary>
public sealed class AwsNetwork : Component
{
    public AwsNetwork(IConstruct scope, string name, AwsNetworkArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Plan = SubnetPlan.Create(args.Cidr, args.AvailabilityZones);
        var zones = Stack.AddVariable(LogicalName.Of(Path, "availabilityZones"), new InvokeValue(
            AwsTypes.GetAvailabilityZones, Value.Map(("state", "available")), "names", Stack.DefaultProvider("aws")));

        Vpc = Resource("vpc", AwsTypes.Vpc, Value.Map(
            ("cidrBlock", args.Cidr),
            ("enableDnsHostnames", true),
            ("enableDnsSupport", true),
            ("tags", Value.Map(("Name", $"{Stack.Name}-vpc")))));
        var vpcId = Vpc.Output("id");

        Resource("defaultSecurityGroup", AwsTypes.DefaultSecurityGroup, Value.Map(
            ("vpcId", vpcId),
            ("ingress", Value.List()),
            ("egress", Value.List())));

        var internetGateway = Resource("internetGateway", AwsTypes.InternetGateway, Value.Map(
            ("vpcId", vpcId),
            ("tags", Value.Map(("Name", $"{Stack.Name}-igw")))));

        var subnets = new Dictionary<SubnetTier, List<Resource>>();
        foreach (var planned in Plan.Subnets)
        {
            var tier = planned.Tier.ToString().ToLowerInvariant();
            var subnet = Resource($"{tier}Subnet{planned.AvailabilityZoneIndex}", AwsTypes.Subnet, Value.Map(
                ("vpcId", vpcId),
                ("cidrBlock", planned.Cidr),
                ("availabilityZone", zones.Read($"[{planned.AvailabilityZoneIndex}]")),
                ("mapPublicIpOnLaunch", false),
                ("tags", Value.Map(("Name", $"{Stack.Name}-{tier}-{planned.AvailabilityZoneIndex}"), ("tier", tier)))));
            (subnets.TryGetValue(planned.Tier, out var list) ? list : subnets[planned.Tier] = []).Add(subnet);
        }

        PublicSubnets = subnets[SubnetTier.Public];
        PrivateSubnets = subnets[SubnetTier.Private];
        DatabaseSubnets = subnets[SubnetTier.Database];

        var publicRoutes = Resource("publicRouteTable", AwsTypes.RouteTable, Value.Map(("vpcId", vpcId), ("tags", Value.Map(("Name", $"{Stack.Name}-public")))));
        Resource("publicDefaultRoute", AwsTypes.Route, Value.Map(
            ("routeTableId", publicRoutes.Output("id")),
            ("destinationCidrBlock", "0.0.0.0/0"),
            ("gatewayId", internetGateway.Output("id"))));
        for (var i = 0; i < PublicSubnets.Count; i++)
        {
            Resource($"publicRouteTableAssociation{i}", AwsTypes.RouteTableAssociation, Value.Map(
                ("subnetId", PublicSubnets[i].Output("id")), ("routeTableId", publicRoutes.Output("id"))));
        }

        var natGateways = DeclareNatGateways(args.NatStrategy);
        var privateTables = new List<Resource>();
        for (var i = 0; i < PrivateSubnets.Count; i++)
        {
            var table = Resource($"privateRouteTable{i}", AwsTypes.RouteTable, Value.Map(("vpcId", vpcId), ("tags", Value.Map(("Name", $"{Stack.Name}-private-{i}")))));
            privateTables.Add(table);
            if (natGateways.Count > 0)
            {
                Resource($"privateDefaultRoute{i}", AwsTypes.Route, Value.Map(
                    ("routeTableId", table.Output("id")),
                    ("destinationCidrBlock", "0.0.0.0/0"),
                    ("natGatewayId", natGateways[Math.Min(i, natGateways.Count - 1)].Output("id"))));
            }

            Resource($"privateRouteTableAssociation{i}", AwsTypes.RouteTableAssociation, Value.Map(
                ("subnetId", PrivateSubnets[i].Output("id")), ("routeTableId", table.Output("id"))));
        }

        PrivateRouteTables = privateTables;
        var databaseRoutes = Resource("databaseRouteTable", AwsTypes.RouteTable, Value.Map(("vpcId", vpcId), ("tags", Value.Map(("Name", $"{Stack.Name}-database")))));
        for (var i = 0; i < DatabaseSubnets.Count; i++)
        {
            Resource($"databaseRouteTableAssociation{i}", AwsTypes.RouteTableAssociation, Value.Map(
                ("subnetId", DatabaseSubnets[i].Output("id")), ("routeTableId", databaseRoutes.Output("id"))));
        }

        DatabaseRouteTable = databaseRoutes;
    }

    public SubnetPlan Plan { get; }

    public Resource Vpc { get; }

    public IReadOnlyList<Resource> PublicSubnets { get; }

    public IReadOnlyList<Resource> PrivateSubnets { get; }

    public IReadOnlyList<Resource> DatabaseSubnets { get; }

    /// <summary>One per private subnet (so peering and endpoints can add routes per zone).</summary>
    public IReadOnlyList<Resource> PrivateRouteTables { get; }

    public Resource DatabaseRouteTable { get; }

    private List<Resource> DeclareNatGateways(NatStrategy strategy)
    {
        var count = strategy switch
        {
            NatStrategy.None => 0,
            NatStrategy.Single => 1,
            _ => PublicSubnets.Count,
        };

        var gateways = new List<Resource>();
        for (var i = 0; i < count; i++)
        {
            var address = Resource($"natAddress{i}", AwsTypes.Eip, Value.Map(("domain", "vpc"), ("tags", Value.Map(("Name", $"{Stack.Name}-nat-{i}")))));
            gateways.Add(Resource($"natGateway{i}", AwsTypes.NatGateway, Value.Map(
                ("allocationId", address.Output("id")),
                ("subnetId", PublicSubnets[i].Output("id")),
                ("tags", Value.Map(("Name", $"{Stack.Name}-nat-{i}"))))));
        }

        return gateways;
    }
}
