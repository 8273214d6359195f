using System.Net;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Gcp.Network;

/// <summary>
/// A custom-mode VPC network with one regional subnetwork carved from the region's block, a Cloud Router and a Cloud
/// NAT. The subnetwork takes the first half of the block (the second half stays free for growth: GKE ranges, more
/// subnetworks), so every address the region uses stays inside its own block and never overlaps a peered region.
/// </summary>
public sealed class GcpNetwork : Component
{
    public GcpNetwork(IConstruct scope, string name, GcpNetworkArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var block = IPNetwork2.Parse(args.Cidr);
        var halves = block.Subnet((byte)(block.Cidr + 1)).ToArray();
        SubnetCidr = halves[0].ToString();

        Network = Resource("vpc", GcpTypes.Network, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "vpc")),
            ("description", $"{args.NamePrefix}: regional network ({args.Cidr})"),
            ("autoCreateSubnetworks", false),
            ("routingMode", "REGIONAL"),
            ("deleteDefaultRoutesOnCreate", false)));

        Subnetwork = Resource("subnet", GcpTypes.Subnetwork, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "subnet")),
            ("network", Network.Output("id")),
            ("region", args.Region),
            ("ipCidrRange", SubnetCidr),
            ("privateIpGoogleAccess", true),
            ("logConfig", Value.Map(
                ("aggregationInterval", args.FlowLogInterval),
                ("flowSampling", args.FlowLogSampling),
                ("metadata", "INCLUDE_ALL_METADATA")))));

        Router = Resource("router", GcpTypes.Router, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "router")),
            ("network", Network.Output("id")),
            ("region", args.Region)));

        if (args.EnableNat)
        {
            Nat = Resource("nat", GcpTypes.RouterNat, Value.Map(
                ("name", GcpNames.Of(args.NamePrefix, "nat")),
                ("router", Router.Output("name")),
                ("region", args.Region),
                ("natIpAllocateOption", "AUTO_ONLY"),
                ("sourceSubnetworkIpRangesToNat", "LIST_OF_SUBNETWORKS"),
                ("subnetworks", Value.List(Value.Map(
                    ("name", Subnetwork.Output("id")),
                    ("sourceIpRangesToNats", Value.List("ALL_IP_RANGES"))))),
                ("logConfig", Value.Map(("enable", true), ("filter", "ERRORS_ONLY")))));
        }
    }

    public Resource Network { get; }

    public Resource Subnetwork { get; }

    public Resource Router { get; }

    public Resource? Nat { get; }

    /// <summary>The subnetwork's range (the first half of the region's block).</summary>
    public string SubnetCidr { get; }
}
