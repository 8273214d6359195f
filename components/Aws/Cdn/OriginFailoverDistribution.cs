using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Cdn;

/// <summary>
/// A CloudFront distribution in front of two regions with an origin group: requests go to the primary region's load
/// balancer and are retried on the secondary when the primary answers 500/502/503/504 or cannot be reached. Origin
/// groups only fail over GET/HEAD/OPTIONS, so the cache behaviour allows just those; writes go to the service name.
/// HTTPS end to end. This is request-level failover, independent of (and faster than) DNS failover.
/// </summary>
public sealed class OriginFailoverDistribution : Component
{
    public const string PrimaryOriginId = "primary";
    public const string SecondaryOriginId = "secondary";
    public const string OriginGroupId = "failover";

    /// <summary>The hosted zone id of every CloudFront distribution (for Route 53 aliases).</summary>
    public const string CloudFrontZoneId = "Z2FDTNDATAQYW2";

    public OriginFailoverDistribution(IConstruct scope, string name, OriginFailoverDistributionArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Distribution = Resource("distribution", AwsTypes.Distribution, Value.Map(
            ("enabled", true),
            ("comment", $"{string.Join(", ", args.Aliases)}: {args.PrimaryOriginDomain} with failover to {args.SecondaryOriginDomain}"),
            ("aliases", Value.List(args.Aliases)),
            ("httpVersion", "http2and3"),
            ("isIpv6Enabled", true),
            ("priceClass", args.PriceClass),
            ("webAclId", Optional.Of(args.WebAclId)),
            ("origins", Value.List(Origin(PrimaryOriginId, args.PrimaryOriginDomain), Origin(SecondaryOriginId, args.SecondaryOriginDomain))),
            ("originGroups", Value.List(Value.Map(
                ("originId", OriginGroupId),
                ("failoverCriteria", Value.Map(("statusCodes", Value.List(args.FailoverStatusCodes.Select(c => (Value)c))))),
                ("members", Value.List(Value.Map(("originId", PrimaryOriginId)), Value.Map(("originId", SecondaryOriginId))))))),
            ("defaultCacheBehavior", Value.Map(
                ("targetOriginId", OriginGroupId),
                ("viewerProtocolPolicy", "redirect-to-https"),
                ("allowedMethods", Value.List("GET", "HEAD", "OPTIONS")),
                ("cachedMethods", Value.List("GET", "HEAD")),
                ("compress", true),
                ("cachePolicyId", args.CachePolicyId),
                ("originRequestPolicyId", args.OriginRequestPolicyId))),
            ("viewerCertificate", Value.Map(
                ("acmCertificateArn", args.CertificateArn),
                ("sslSupportMethod", "sni-only"),
                ("minimumProtocolVersion", args.MinimumProtocolVersion))),
            ("restrictions", Value.Map(("geoRestriction", Value.Map(("restrictionType", "none"), ("locations", Value.List()))))),
            ("waitForDeployment", true)));
    }

    public Resource Distribution { get; }

    private static Value Origin(string id, string domain) => Value.Map(
        ("originId", id),
        ("domainName", domain),
        ("customOriginConfig", Value.Map(
            ("httpPort", 80),
            ("httpsPort", 443),
            ("originProtocolPolicy", "https-only"),
            ("originSslProtocols", Value.List("TLSv1.2")))));
}
