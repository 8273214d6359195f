using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Azure.Dns;

/// <summary>
/// One external Traffic Manager endpoint per region (priority = the region's rank, 1 = most preferred; weight =
/// the region's weight; disabled regions stay declared with status Disabled so re-enabling is one flag), and the
/// service name in the Azure DNS zone as an alias record to the profile (an alias works at the apex, unlike a
/// CNAME, and follows the profile).
/// </summary>
public sealed class TrafficManagerEndpoints : Component
{
    public TrafficManagerEndpoints(IConstruct scope, string name, TrafficManagerEndpointsArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var endpoints = new List<Resource>();
        foreach (var target in args.Targets.OrderBy(t => t.Rank))
        {
            endpoints.Add(Resource(LogicalName.Of("endpoint", target.RegionId), AzureTypes.TrafficManagerEndpoint, Value.Map(
                ("endpointName", target.RegionId),
                ("endpointType", "ExternalEndpoints"),
                ("type", "Microsoft.Network/trafficManagerProfiles/externalEndpoints"),
                ("profileName", args.ProfileName),
                ("resourceGroupName", args.ResourceGroupName),
                ("target", target.Target),
                ("priority", target.Rank),
                ("weight", Math.Max(1, target.Weight)),
                ("endpointLocation", OptionalValue.Of(target.AzureLocation)),
                ("endpointStatus", target.Enabled ? "Enabled" : "Disabled"))));
        }

        Endpoints = endpoints;
        Record = Resource("serviceRecord", AzureTypes.DnsRecordSet, Value.Map(
            ("zoneName", args.ZoneName),
            ("resourceGroupName", args.ResourceGroupName),
            ("relativeRecordSetName", args.ServiceLabel),
            ("recordType", "CNAME"),
            ("ttl", args.Ttl),
            ("targetResource", Value.Map(("id", args.ProfileId)))));
    }

    public IReadOnlyList<Resource> Endpoints { get; }

    public Resource Record { get; }
}
