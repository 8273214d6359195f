using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Gcp.Database;

/// <summary>
/// A Private Service Connect endpoint for a Cloud SQL instance in the region's own VPC: an internal address from the
/// region's subnetwork and a forwarding rule to the instance's service attachment. The database is reachable at
/// that address only from inside the VPC (and only on the instance's ports).
/// </summary>
public sealed class CloudSqlEndpoint : Component
{
    public CloudSqlEndpoint(IConstruct scope, string name, CloudSqlEndpointArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Address = Resource("address", GcpTypes.Address, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "db-psc")),
            ("description", "Private Service Connect endpoint of the region's Cloud SQL instance"),
            ("region", args.Region),
            ("subnetwork", args.Subnetwork),
            ("addressType", "INTERNAL")));

        ForwardingRule = Resource("forwardingRule", GcpTypes.ForwardingRule, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "db-psc")),
            ("region", args.Region),
            ("network", args.Network),
            ("ipAddress", Address.Output("id")),
            ("target", args.ServiceAttachment),
            // An empty scheme is how a forwarding rule says "Private Service Connect endpoint".
            ("loadBalancingScheme", string.Empty)));

        if (args.InstanceDnsName is not null)
        {
            // Clients connect by the instance's DNS name (TLS server identity); it resolves to the endpoint only here.
            PrivateZone = Resource("privateZone", GcpTypes.ManagedZone, Value.Map(
                ("name", GcpNames.Of(args.NamePrefix, "sql-psc")),
                ("dnsName", $"{args.Region}.sql.goog."),
                ("description", "Cloud SQL Private Service Connect names, visible only inside the region's VPC"),
                ("visibility", "private"),
                ("privateVisibilityConfig", Value.Map(("networks", Value.List(Value.Map(("networkUrl", args.Network))))))));
            Resource("privateRecord", GcpTypes.RecordSet, Value.Map(
                ("managedZone", PrivateZone.Output("name")),
                ("name", args.InstanceDnsName),
                ("type", "A"),
                ("ttl", 300),
                ("rrdatas", Value.List(Address.Output("address")))));
        }
    }

    /// <summary>The private zone resolving the instance's PSC DNS name in the VPC (when requested).</summary>
    public Resource? PrivateZone { get; }

    public Resource Address { get; }

    public Resource ForwardingRule { get; }

    /// <summary>The endpoint's internal IP address (what clients in the region connect to).</summary>
    public Value IpAddress => Address.Output("address");
}
