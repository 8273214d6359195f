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
    }

    public Resource Address { get; }

    public Resource ForwardingRule { get; }

    /// <summary>The endpoint's internal IP address (what clients in the region connect to).</summary>
    public Value IpAddress => Address.Output("address");
}
