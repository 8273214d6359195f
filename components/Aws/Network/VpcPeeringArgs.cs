using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Network;

/// <summary>One side of a <see cref="VpcPeering"/>: the VPC, its CIDR, the route tables that get a route to the peer, and the provider of its region.</summary>
public sealed record PeeringSide(string RegionId, string CloudRegion, Value VpcId, string Cidr, IReadOnlyList<Value> RouteTableIds, Resource? Provider);

/// <summary>
/// Inputs of <see cref="VpcPeering"/>: the requester and accepter sides. Cross-region peering cannot be auto-accepted by
/// the requester, so the accepter side is a separate resource through the accepter region's provider.
/// </summary>
public sealed record VpcPeeringArgs(PeeringSide Requester, PeeringSide Accepter);
