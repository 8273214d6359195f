namespace MultiRegion.Components.Azure.Network;

/// <summary>
/// Inputs of <see cref="AzurePrivateEndpoint"/>: the service resource, its private-link group (<c>sqlServer</c>,
/// <c>blob</c>…), the subnet the endpoint's NIC lands in, and the <c>privatelink.*</c> DNS zone its address is
/// registered in (linked to <see cref="VirtualNetworkId"/> so the service's public name resolves privately there).
/// </summary>
public sealed record AzurePrivateEndpointArgs(
    string EndpointName,
    string Location,
    Graph.Value ResourceGroupName,
    Graph.Value SubnetId,
    Graph.Value ServiceId,
    string GroupId,
    string PrivateDnsZone)
{
    /// <summary>The virtual network to link the private DNS zone to; no zone when null.</summary>
    public Graph.Value? VirtualNetworkId { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
