using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Gcp.LoadBalancing;

/// <summary>
/// The region's public entry point: a reserved global IPv4 address, a Google-managed certificate, a TLS policy, a
/// health check, a backend service over the regional instance group, a URL map, a target HTTPS proxy and a global
/// forwarding rule on 443. Each region gets its own load balancer and address so that DNS failover can choose
/// between regions (a single anycast load balancer would hide a region's failure from DNS).
/// </summary>
public sealed class GcpLoadBalancer : Component
{
    public GcpLoadBalancer(IConstruct scope, string name, GcpLoadBalancerArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Address = Resource("address", GcpTypes.GlobalAddress, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "lb-ip")),
            ("description", $"{args.NamePrefix}: public address of the region's load balancer"),
            ("addressType", "EXTERNAL"),
            ("ipVersion", "IPV4")));

        HealthCheck = Resource("healthCheck", GcpTypes.HealthCheck, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "lb-hc")),
            ("description", "Load balancer health check of the regional backends"),
            ("checkIntervalSec", args.CheckIntervalSeconds),
            ("timeoutSec", Math.Min(5, args.CheckIntervalSeconds)),
            ("healthyThreshold", 2),
            ("unhealthyThreshold", args.UnhealthyThreshold),
            ("httpsHealthCheck", Value.Map(("port", args.AppPort), ("requestPath", args.HealthPath))),
            ("logConfig", Value.Map(("enable", true)))));

        BackendService = Resource("backend", GcpTypes.BackendService, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "backend")),
            ("description", $"{args.NamePrefix}: regional instance group"),
            ("loadBalancingScheme", "EXTERNAL_MANAGED"),
            ("protocol", "HTTPS"),
            ("portName", args.PortName),
            ("timeoutSec", 30),
            ("connectionDrainingTimeoutSec", 60),
            ("healthChecks", HealthCheck.Output("id")),
            ("securityPolicy", args.SecurityPolicy),
            ("backends", Value.List(Value.Map(
                ("group", args.InstanceGroup),
                ("balancingMode", "UTILIZATION"),
                ("maxUtilization", 0.8),
                ("capacityScaler", 1.0)))),
            ("logConfig", Value.Map(("enable", true), ("sampleRate", args.LogSampleRate)))));

        UrlMap = Resource("urlMap", GcpTypes.UrlMap, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "urlmap")),
            ("defaultService", BackendService.Output("id"))));

        SslPolicy = Resource("sslPolicy", GcpTypes.SslPolicy, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "tls")),
            ("description", "TLS 1.2 or newer, restricted cipher suites"),
            ("minTlsVersion", "TLS_1_2"),
            ("profile", "RESTRICTED")));

        Certificate = Resource("certificate", GcpTypes.ManagedSslCertificate, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "cert")),
            ("type", "MANAGED"),
            ("managed", Value.Map(("domains", Value.List(args.Domains))))));

        Proxy = Resource("httpsProxy", GcpTypes.TargetHttpsProxy, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "https-proxy")),
            ("urlMap", UrlMap.Output("id")),
            ("sslCertificates", Value.List(Certificate.Output("id"))),
            ("sslPolicy", SslPolicy.Output("id"))));

        ForwardingRule = Resource("forwardingRule", GcpTypes.GlobalForwardingRule, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "https")),
            ("loadBalancingScheme", "EXTERNAL_MANAGED"),
            ("ipProtocol", "TCP"),
            ("portRange", "443"),
            ("ipAddress", Address.Output("id")),
            ("target", Proxy.Output("id"))));
    }

    public Resource Address { get; }

    public Resource HealthCheck { get; }

    public Resource BackendService { get; }

    public Resource UrlMap { get; }

    public Resource SslPolicy { get; }

    public Resource Certificate { get; }

    public Resource Proxy { get; }

    public Resource ForwardingRule { get; }

    /// <summary>The load balancer's public IPv4 address (the DNS target of the region).</summary>
    public Value IpAddress => Address.Output("address");
}
