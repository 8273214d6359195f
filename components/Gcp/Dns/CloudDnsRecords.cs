using MultiRegion.Components.Graph;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Gcp.Dns;

/// <summary>
/// The service name's A record with a Cloud DNS routing policy over the regions' load-balancer addresses, and the
/// external-endpoint health check Cloud DNS uses to withdraw unhealthy ones:
/// <list type="bullet">
/// <item><c>failover</c> → <c>primaryBackup</c>: the highest-priority region is primary, the others are backups
/// (one backup geo per region);</item>
/// <item><c>weighted</c> → <c>wrr</c> by the regions' weights;</item>
/// <item><c>geo</c> and <c>latency</c> → <c>geo</c> by each region's location (Cloud DNS has no latency policy; the
/// closest location is its nearest equivalent).</item>
/// </list>
/// Cloud DNS health-checks only IP endpoints, so targets are addresses (GCP regions export their load balancer's IP).
/// </summary>
public sealed class CloudDnsRecords : Component
{
    public CloudDnsRecords(IConstruct scope, string name, CloudDnsRecordsArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Targets.Count == 0)
        {
            throw new ArgumentException("at least one enabled region is needed for the service record", nameof(args));
        }

        HealthCheck = Resource("healthCheck", GcpTypes.HealthCheck, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "dns-hc")),
            ("description", $"Cloud DNS health check of {args.ServiceFqdn} in every region"),
            ("checkIntervalSec", Math.Max(30, args.CheckIntervalSeconds)),
            ("timeoutSec", 10),
            ("healthyThreshold", 2),
            ("unhealthyThreshold", args.FailureThreshold),
            ("sourceRegions", Value.List(args.ProbeRegions)),
            ("httpsHealthCheck", Value.Map(
                ("port", 443),
                ("host", args.ServiceFqdn),
                ("requestPath", args.HealthPath)))));

        var ordered = args.Targets.OrderByDescending(t => t.Priority).ThenBy(t => t.RegionId, StringComparer.Ordinal).ToArray();
        Value Checked(DnsTarget t) => Value.Map(("externalEndpoints", Value.List(t.Address)));
        var policy = args.Policy switch
        {
            RoutingPolicyKind.Failover => Value.Map(("primaryBackup", Value.Map(
                ("primary", Checked(ordered[0])),
                ("trickleRatio", 0.0),
                ("backupGeos", Value.List(ordered.Skip(1).Select(t => (Value)Value.Map(
                    ("location", t.Location),
                    ("healthCheckedTargets", Checked(t)))))))),
                ("healthCheck", HealthCheck.Output("id"))),
            RoutingPolicyKind.Weighted => Value.Map(
                ("wrrs", Value.List(ordered.Select(t => (Value)Value.Map(
                    ("weight", t.Weight),
                    ("healthCheckedTargets", Checked(t)))))),
                ("healthCheck", HealthCheck.Output("id"))),
            _ => Value.Map(
                ("geos", Value.List(ordered.Select(t => (Value)Value.Map(
                    ("location", t.Location),
                    ("healthCheckedTargets", Checked(t)))))),
                ("healthCheck", HealthCheck.Output("id"))),
        };

        // With one region there is nothing to route between: a plain record (a primary/backup policy needs a backup).
        var single = ordered.Length == 1;
        Record = Resource("serviceRecord", GcpTypes.RecordSet, Value.Map(
            ("managedZone", args.ManagedZone),
            ("name", args.ServiceFqdn.TrimEnd('.') + "."),
            ("type", "A"),
            ("ttl", args.Ttl),
            ("rrdatas", single ? Value.List(ordered[0].Address) : null),
            ("routingPolicy", single ? null : policy)),
            new ResourceOptions { DeleteBeforeReplace = true });
    }

    public Resource HealthCheck { get; }

    public Resource Record { get; }
}
