using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Gcp.Dns;

/// <summary>The Cloud DNS public managed zone of the deployment's domain (global stack, when the primary is on GCP).</summary>
public sealed class CloudDnsZone : Component
{
    public CloudDnsZone(IConstruct scope, string name, CloudDnsZoneArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Zone = Resource("zone", GcpTypes.ManagedZone, Value.Map(
            ("name", GcpNames.Of(args.Domain, "zone")),
            ("dnsName", args.Domain.TrimEnd('.') + "."),
            ("description", $"{args.Domain}: managed by multiregion"),
            ("visibility", "public"),
            ("forceDestroy", false),
            ("dnssecConfig", Value.Map(("state", args.Dnssec ? "on" : "off"))),
            ("cloudLoggingConfig", Value.Map(("enableLogging", args.QueryLogging))),
            ("labels", MapValue.Of(args.Labels))),
            new ResourceOptions { Protect = true });
    }

    public Resource Zone { get; }

    /// <summary>The zone's name in Cloud DNS (what record sets reference).</summary>
    public Value ZoneName => Zone.Output("name");

    public Value NameServers => Zone.Output("nameServers");
}
