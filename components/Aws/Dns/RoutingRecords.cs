using MultiRegion.Components.Graph;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Aws.Dns;

/// <summary>
/// Route 53 routing-policy records over the regional load balancers, each record an alias with the region's health
/// check, so Route 53 withdraws unhealthy regions by itself:
/// <list type="bullet">
/// <item><b>failover</b>: Route 53 allows one PRIMARY and one SECONDARY per name, so priorities become a chain —
/// <c>name</c>: PRIMARY = best region, SECONDARY = alias of <c>{label}-fallback1.{domain}</c>: PRIMARY = next region,
/// SECONDARY = the next link … the last link's SECONDARY is the last region;</item>
/// <item><b>weighted</b>: one record per region with its weight;</item>
/// <item><b>latency</b>: one record per region, keyed by its AWS region;</item>
/// <item><b>geo</b>: one record per continent (the highest-priority region of each continent) plus the default
/// location <c>*</c> answered by the best region.</item>
/// </list>
/// Targets are ordered by priority (highest first).
/// </summary>
public sealed class RoutingRecords : Component
{
    public RoutingRecords(IConstruct scope, string name, RoutingRecordsArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Targets.Count == 0)
        {
            throw new ArgumentException("routing records need at least one region", nameof(args));
        }

        var targets = args.Targets.OrderByDescending(t => t.Priority).ThenBy(t => t.RegionId, StringComparer.Ordinal).ToArray();
        var records = new List<Resource>();
        switch (args.Policy)
        {
            case RoutingPolicyKind.Failover:
                DeclareFailoverChain(args, targets, records);
                break;
            case RoutingPolicyKind.Weighted:
                records.AddRange(targets.Select(t => Record(t.RegionId, args.ZoneId, args.Name, t.RegionId, ToTarget(t),
                    ("weightedRoutingPolicies", Value.List(Value.Map(("weight", t.Weight)))))));
                break;
            case RoutingPolicyKind.Latency:
                records.AddRange(targets.Select(t => Record(t.RegionId, args.ZoneId, args.Name, t.RegionId, ToTarget(t),
                    ("latencyRoutingPolicies", Value.List(Value.Map(("region", t.CloudRegion)))))));
                break;
            case RoutingPolicyKind.Geo:
                foreach (var group in targets.GroupBy(t => ContinentOf(t.CloudRegion)))
                {
                    var best = group.First();
                    records.Add(Record($"{best.RegionId}-geo", args.ZoneId, args.Name, $"{group.Key}-{best.RegionId}", ToTarget(best),
                        ("geolocationRoutingPolicies", Value.List(Value.Map(("continent", group.Key))))));
                }

                records.Add(Record("default-geo", args.ZoneId, args.Name, "default", ToTarget(targets[0]),
                    ("geolocationRoutingPolicies", Value.List(Value.Map(("country", "*"))))));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(args), args.Policy, "unknown routing policy");
        }

        Records = records;
    }

    public IReadOnlyList<Resource> Records { get; }

    /// <summary>The Route 53 continent code of an AWS region (AF, AS, EU, NA, OC, SA).</summary>
    public static string ContinentOf(string cloudRegion)
    {
        ArgumentNullException.ThrowIfNull(cloudRegion);
        return cloudRegion switch
        {
            _ when cloudRegion.StartsWith("eu-", StringComparison.Ordinal) => "EU",
            _ when cloudRegion.StartsWith("us-", StringComparison.Ordinal) || cloudRegion.StartsWith("ca-", StringComparison.Ordinal) || cloudRegion.StartsWith("mx-", StringComparison.Ordinal) => "NA",
            _ when cloudRegion.StartsWith("sa-", StringComparison.Ordinal) => "SA",
            _ when cloudRegion.StartsWith("af-", StringComparison.Ordinal) => "AF",
            "ap-southeast-2" or "ap-southeast-4" => "OC",
            _ => "AS",
        };
    }

    private static (Value Name, Value ZoneId, Value? HealthCheckId) ToTarget(RoutingTarget t) => (t.AliasDnsName, t.AliasZoneId, t.HealthCheckId);

    private void DeclareFailoverChain(RoutingRecordsArgs args, RoutingTarget[] targets, List<Resource> records)
    {
        if (targets.Length == 1)
        {
            // One region (e.g. the only AWS region of a mixed-cloud deployment): a failover pair would have no
            // SECONDARY, so the name is a plain alias that follows the load balancer's own health.
            records.Add(Resource("primary", AwsTypes.Record, Value.Map(
                ("zoneId", args.ZoneId),
                ("name", args.Name),
                ("type", "A"),
                ("aliases", Value.List(Value.Map(("name", targets[0].AliasDnsName), ("zoneId", targets[0].AliasZoneId), ("evaluateTargetHealth", true)))))));
            return;
        }

        // Link k answers name(k): PRIMARY = targets[k]; SECONDARY = an alias of name(k + 1), or the last region.
        // Links are declared from the end so each SECONDARY alias can depend on the records it points at (Route 53
        // rejects an alias to a name that has no records yet).
        var label = args.Name.EndsWith($".{args.Domain}", StringComparison.OrdinalIgnoreCase) ? args.Name[..^(args.Domain.Length + 1)] : args.Name;
        string NameOf(int link) => link == 0 ? args.Name : $"{label}-fallback{link}.{args.Domain}";
        var links = new List<Resource[]>();
        Resource[] next = [];
        for (var link = targets.Length - 2; link >= 0; link--)
        {
            var primary = Record($"link{link}-primary", args.ZoneId, NameOf(link), targets[link].RegionId, ToTarget(targets[link]), Failover("PRIMARY"));
            var secondary = link == targets.Length - 2
                ? Record($"link{link}-secondary", args.ZoneId, NameOf(link), targets[^1].RegionId, ToTarget(targets[^1]), Failover("SECONDARY"))
                : Record($"link{link}-secondary", args.ZoneId, NameOf(link), $"fallback{link + 1}", (NameOf(link + 1), args.ZoneId, null), Failover("SECONDARY"), next);
            next = [primary, secondary];
            links.Insert(0, next);
        }

        records.AddRange(links.SelectMany(l => l));
    }

    private static (string, Value?) Failover(string type) => ("failoverRoutingPolicies", Value.List(Value.Map(("type", type))));

    private Resource Record(string localName, Value zoneId, string name, string setIdentifier, (Value Name, Value ZoneId, Value? HealthCheckId) target, (string Key, Value? Value) policy, IReadOnlyList<Resource>? dependsOn = null) =>
        Resource(localName, AwsTypes.Record, Value.Map(
            ("zoneId", zoneId),
            ("name", name),
            ("type", "A"),
            ("setIdentifier", setIdentifier),
            ("healthCheckId", target.HealthCheckId),
            ("aliases", Value.List(Value.Map(("name", target.Name), ("zoneId", target.ZoneId), ("evaluateTargetHealth", true)))),
            policy),
            new ResourceOptions { DependsOn = dependsOn ?? [] });
}
