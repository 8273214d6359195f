using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Dns;

/// <summary>
/// A plain (simple-routing) Route 53 alias record. Used for the names Pulumi owns: <c>{region}.{domain}</c> → that
/// region's load balancer, <c>cdn.{domain}</c> → the distribution. Never used for the service name, which belongs to
/// the health checker (docs/aws-components.md, "DNS ownership").
/// </summary>
public sealed class AliasRecord : Component
{
    public AliasRecord(IConstruct scope, string name, AliasRecordArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Record = Declare("a", "A", args);
        if (args.Ipv6)
        {
            Declare("aaaa", "AAAA", args);
        }
    }

    public Resource Record { get; }

    private Resource Declare(string localName, string type, AliasRecordArgs args) => Resource(localName, AwsTypes.Record, Value.Map(
        ("zoneId", args.ZoneId),
        ("name", args.Name),
        ("type", type),
        ("aliases", Value.List(Value.Map(
            ("name", args.TargetDnsName),
            ("zoneId", args.TargetZoneId),
            ("evaluateTargetHealth", args.EvaluateTargetHealth))))));
}
