using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Gcp.Network;

/// <summary>
/// Firewall rules for a regional network, equivalent to the AWS security groups: the load balancer (whose Google
/// Front Ends and health checkers connect from <see cref="GcpFirewallArgs.LoadBalancerRanges"/>) may reach the
/// application port of tagged instances; nothing else enters. HTTPS on 443 from the internet terminates on the
/// Google-managed load balancer, which needs no rule. Every rule logs.
/// </summary>
public sealed class GcpFirewall : Component
{
    public GcpFirewall(IConstruct scope, string name, Value network, GcpFirewallArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var logging = Value.Map(("metadata", "INCLUDE_ALL_METADATA"));
        var rules = new List<Resource>
        {
            Resource("allowLoadBalancer", GcpTypes.Firewall, Value.Map(
                ("name", GcpNames.Of(args.NamePrefix, "allow-lb")),
                ("description", "Google Front Ends and health checks to the application port"),
                ("network", network),
                ("direction", "INGRESS"),
                ("priority", 1000),
                ("sourceRanges", Value.List(GcpFirewallArgs.LoadBalancerRanges)),
                ("targetTags", Value.List(args.TargetTag)),
                ("allows", Value.List(Value.Map(("protocol", "tcp"), ("ports", Value.List(args.AppPort.ToString(System.Globalization.CultureInfo.InvariantCulture)))))),
                ("logConfig", logging))),
        };

        if (args.AllowIapSsh)
        {
            rules.Add(Resource("allowIapSsh", GcpTypes.Firewall, Value.Map(
                ("name", GcpNames.Of(args.NamePrefix, "allow-iap-ssh")),
                ("description", "SSH through Identity-Aware Proxy (OS Login decides who)"),
                ("network", network),
                ("direction", "INGRESS"),
                ("priority", 1000),
                ("sourceRanges", Value.List(GcpFirewallArgs.IapRange)),
                ("targetTags", Value.List(args.TargetTag)),
                ("allows", Value.List(Value.Map(("protocol", "tcp"), ("ports", Value.List("22"))))),
                ("logConfig", logging))));
        }

        rules.Add(Resource("denyAllIngress", GcpTypes.Firewall, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "deny-all-ingress")),
            ("description", "Everything not allowed above is denied (explicit, so denials are logged)"),
            ("network", network),
            ("direction", "INGRESS"),
            ("priority", 65534),
            ("sourceRanges", Value.List("0.0.0.0/0")),
            ("denies", Value.List(Value.Map(("protocol", "all")))),
            ("logConfig", logging))));
        Rules = rules;
    }

    public IReadOnlyList<Resource> Rules { get; }
}
