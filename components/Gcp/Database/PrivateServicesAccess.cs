using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Gcp.Database;

/// <summary>
/// Private services access: a reserved internal range (purpose VPC_PEERING) and the Service Networking connection
/// that peers the network with Google's service producer network, so Cloud SQL gets a private IP and no public one.
/// </summary>
public sealed class PrivateServicesAccess : Component
{
    public PrivateServicesAccess(IConstruct scope, string name, PrivateServicesAccessArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Range = Resource("range", GcpTypes.GlobalAddress, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "services-range")),
            ("description", "Reserved for Google-managed services (Cloud SQL private IP)"),
            ("purpose", "VPC_PEERING"),
            ("addressType", "INTERNAL"),
            ("address", args.Address),
            ("prefixLength", args.PrefixLength),
            ("network", args.Network)));

        Connection = Resource("connection", GcpTypes.ServiceNetworkingConnection, Value.Map(
            ("network", args.Network),
            ("service", "servicenetworking.googleapis.com"),
            ("reservedPeeringRanges", Value.List(Range.Output("name")))));
    }

    public Resource Range { get; }

    public Resource Connection { get; }
}
