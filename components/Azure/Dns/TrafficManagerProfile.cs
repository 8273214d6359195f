using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Azure.Dns;

/// <summary>
/// A Traffic Manager profile (global stack): the routing method and the endpoint monitor. Endpoints are added by
/// <see cref="TrafficManagerEndpoints"/> in the cross-region stack, once every region's endpoint exists.
/// </summary>
public sealed class TrafficManagerProfile : Component
{
    public TrafficManagerProfile(IConstruct scope, string name, TrafficManagerProfileArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var interval = args.IntervalSeconds <= 10 ? 10 : 30;
        Profile = Resource("profile", AzureTypes.TrafficManagerProfile, Value.Map(
            ("profileName", args.ProfileName),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", "global"),
            ("profileStatus", "Enabled"),
            ("trafficRoutingMethod", args.RoutingMethod),
            ("trafficViewEnrollmentStatus", "Disabled"),
            ("dnsConfig", Value.Map(("relativeName", args.RelativeDnsName), ("ttl", args.Ttl))),
            ("monitorConfig", Value.Map(
                ("protocol", "HTTPS"),
                ("port", 443),
                ("path", args.HealthPath),
                ("intervalInSeconds", interval),
                ("timeoutInSeconds", interval == 10 ? 5 : 10),
                ("toleratedNumberOfFailures", Math.Clamp(args.ToleratedFailures, 0, 9)),
                ("customHeaders", args.HostHeader is null ? null : Value.List(Value.Map(("name", "Host"), ("value", args.HostHeader)))),
                ("expectedStatusCodeRanges", Value.List(Value.Map(("min", 200), ("max", 299)))))),
            ("tags", MapValue.Of(args.Tags))),
            new ResourceOptions { IgnoreChanges = ["endpoints"] });
    }

    public Resource Profile { get; }

    public Value ProfileId => Profile.Output("id");

    /// <summary>The profile's name (endpoints are children of it).</summary>
    public Value ProfileName => Profile.Output("name");

    /// <summary><c>{relativeName}.trafficmanager.net</c>.</summary>
    public Value Fqdn => Profile.Output("dnsConfig.fqdn");
}
