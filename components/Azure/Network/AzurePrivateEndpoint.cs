using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Azure.Network;

/// <summary>
/// A private endpoint for a PaaS service (Azure SQL, Blob storage) whose public network access is disabled: the
/// endpoint in a subnet, a <c>privatelink.*</c> private DNS zone linked to the VNet, and the zone group that
/// registers the endpoint's address in it.
/// </summary>
public sealed class AzurePrivateEndpoint : Component
{
    public AzurePrivateEndpoint(IConstruct scope, string name, AzurePrivateEndpointArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var tags = MapValue.Of(args.Tags);
        Endpoint = Resource("endpoint", AzureTypes.PrivateEndpoint, Value.Map(
            ("privateEndpointName", args.EndpointName),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", args.Location),
            ("subnet", Value.Map(("id", args.SubnetId))),
            ("privateLinkServiceConnections", Value.List(Value.Map(
                ("name", args.GroupId),
                ("privateLinkServiceId", args.ServiceId),
                ("groupIds", Value.List(args.GroupId))))),
            ("tags", tags)));

        if (args.VirtualNetworkId is null)
        {
            return;
        }

        Zone = Resource("zone", AzureTypes.PrivateDnsZone, Value.Map(
            ("privateZoneName", args.PrivateDnsZone),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", "global"),
            ("tags", tags)));
        Resource("zoneLink", AzureTypes.PrivateDnsVirtualNetworkLink, Value.Map(
            ("privateZoneName", Zone.Output("name")),
            ("resourceGroupName", args.ResourceGroupName),
            ("virtualNetworkLinkName", $"{args.EndpointName}-link"),
            ("location", "global"),
            ("registrationEnabled", false),
            ("virtualNetwork", Value.Map(("id", args.VirtualNetworkId))),
            ("tags", tags)));
        Resource("zoneGroup", AzureTypes.PrivateDnsZoneGroup, Value.Map(
            ("privateEndpointName", Endpoint.Output("name")),
            ("resourceGroupName", args.ResourceGroupName),
            ("privateDnsZoneGroupName", "default"),
            ("privateDnsZoneConfigs", Value.List(Value.Map(
                ("name", args.GroupId),
                ("privateDnsZoneId", Zone.Output("id")))))));
    }

    public Resource Endpoint { get; }

    public Resource? Zone { get; }
}
