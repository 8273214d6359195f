using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Network;

/// <summary>
/// A cross-region VPC peering connection: the request (<c>peerRegion</c> set) in the requester's region, the accepter
/// in the peer's region (its own provider), and a route to the other side's CIDR in each given route table. Routes
/// read the connection id from the accepter so they are only created once the connection is active. Security groups
/// are unchanged: peering gives a path, not permission.
/// </summary>
public sealed class VpcPeering : Component
{
    public VpcPeering(IConstruct scope, string name, VpcPeeringArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var requester = args.Requester;
        var accepter = args.Accepter;
        Connection = Resource("connection", AwsTypes.VpcPeeringConnection, Value.Map(
            ("vpcId", requester.VpcId),
            ("peerVpcId", accepter.VpcId),
            ("peerRegion", accepter.CloudRegion),
            ("autoAccept", false),
            ("tags", Value.Map(("Name", $"{requester.RegionId} to {accepter.RegionId}")))),
            new ResourceOptions { Provider = requester.Provider });
        Accepter = Resource("accepter", AwsTypes.VpcPeeringConnectionAccepter, Value.Map(
            ("vpcPeeringConnectionId", Connection.Output("id")),
            ("autoAccept", true),
            ("tags", Value.Map(("Name", $"{requester.RegionId} to {accepter.RegionId}")))),
            new ResourceOptions { Provider = accepter.Provider });

        var peeringId = Accepter.Output("vpcPeeringConnectionId");
        Routes(requester, accepter.Cidr, peeringId, "requesterRoute");
        Routes(accepter, requester.Cidr, peeringId, "accepterRoute");
    }

    public Resource Connection { get; }

    public Resource Accepter { get; }

    private void Routes(PeeringSide side, string destination, Value peeringId, string prefix)
    {
        for (var i = 0; i < side.RouteTableIds.Count; i++)
        {
            Resource($"{prefix}{i}", AwsTypes.Route, Value.Map(
                ("routeTableId", side.RouteTableIds[i]),
                ("destinationCidrBlock", destination),
                ("vpcPeeringConnectionId", peeringId)),
                new ResourceOptions { Provider = side.Provider });
        }
    }
}
