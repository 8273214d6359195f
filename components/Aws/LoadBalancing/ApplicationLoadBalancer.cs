using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.LoadBalancing;

/// <summary>
/// The region's internet-facing Application Load Balancer: an HTTPS listener (regional ACM certificate, modern TLS
/// policy) forwarding to one target group whose health check uses the deployment's health path, and an HTTP listener
/// that only redirects to HTTPS (301). Its DNS name is the region's <c>endpoint</c>; its zone id lets Route 53 alias it.
/// </summary>
public sealed class ApplicationLoadBalancer : Component
{
    public ApplicationLoadBalancer(IConstruct scope, string name, ApplicationLoadBalancerArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        LoadBalancer = Resource("alb", AwsTypes.LoadBalancer, Value.Map(
            ("name", AwsNaming.Physical(32, args.Name)),
            ("loadBalancerType", "application"),
            ("internal", false),
            ("ipAddressType", "ipv4"),
            ("securityGroups", Value.List(args.SecurityGroupId)),
            ("subnets", Value.List(args.PublicSubnetIds)),
            ("dropInvalidHeaderFields", true),
            ("enableDeletionProtection", args.DeletionProtection),
            ("enableHttp2", true),
            ("idleTimeout", args.IdleTimeoutSeconds),
            ("desyncMitigationMode", "defensive")));

        TargetGroup = Resource("targets", AwsTypes.TargetGroup, Value.Map(
            ("name", AwsNaming.Physical(32, args.Name, "app")),
            ("port", args.TargetPort),
            ("protocol", "HTTP"),
            ("targetType", "instance"),
            ("vpcId", args.VpcId),
            ("deregistrationDelay", args.DeregistrationDelaySeconds),
            ("healthCheck", Value.Map(
                ("enabled", true),
                ("path", args.HealthCheckPath),
                ("protocol", "HTTP"),
                ("port", "traffic-port"),
                ("matcher", "200-299"),
                ("interval", Math.Clamp(args.HealthCheckIntervalSeconds, 5, 300)),
                ("timeout", Math.Clamp(args.HealthCheckIntervalSeconds / 2, 2, 120)),
                ("healthyThreshold", Math.Clamp(args.HealthyThreshold, 2, 10)),
                ("unhealthyThreshold", Math.Clamp(args.UnhealthyThreshold, 2, 10))))));

        var lbArn = LoadBalancer.Output("arn");
        Https = Resource("https", AwsTypes.Listener, Value.Map(
            ("loadBalancerArn", lbArn),
            ("port", 443),
            ("protocol", "HTTPS"),
            ("sslPolicy", args.SslPolicy),
            ("certificateArn", args.CertificateArn),
            ("defaultActions", Value.List(Value.Map(
                ("type", "forward"),
                ("targetGroupArn", TargetGroup.Output("arn")))))));
        HttpRedirect = Resource("httpRedirect", AwsTypes.Listener, Value.Map(
            ("loadBalancerArn", lbArn),
            ("port", 80),
            ("protocol", "HTTP"),
            ("defaultActions", Value.List(Value.Map(
                ("type", "redirect"),
                ("redirect", Value.Map(("port", "443"), ("protocol", "HTTPS"), ("statusCode", "HTTP_301"))))))));
    }

    public Resource LoadBalancer { get; }

    public Resource TargetGroup { get; }

    public Resource Https { get; }

    public Resource HttpRedirect { get; }

    public Value DnsName => LoadBalancer.Output("dnsName");

    public Value ZoneId => LoadBalancer.Output("zoneId");
}
