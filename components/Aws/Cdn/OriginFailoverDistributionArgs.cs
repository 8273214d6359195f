using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Cdn;

/// <summary>
/// Inputs of <see cref="OriginFailoverDistribution"/>: the names the distribution answers for, its us-east-1
/// certificate, and the primary and secondary origin host names (the regional names, whose certificates match, so
/// CloudFront can verify the origin's TLS). Defaults: HTTPS only to viewers (HTTP redirected) and to origins, TLS 1.2
/// (2021 policy), HTTP/2 and 3, IPv6, failover on 500/502/503/504, the managed CachingDisabled and
/// AllViewerExceptHostHeader policies (a dynamic application; the origin sees its own host name).
/// </summary>
public sealed record OriginFailoverDistributionArgs(
    IReadOnlyList<string> Aliases,
    Value CertificateArn,
    string PrimaryOriginDomain,
    string SecondaryOriginDomain)
{
    public IReadOnlyList<int> FailoverStatusCodes { get; init; } = [500, 502, 503, 504];

    public string PriceClass { get; init; } = "PriceClass_All";

    /// <summary>Managed cache policy CachingDisabled.</summary>
    public string CachePolicyId { get; init; } = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    /// <summary>Managed origin request policy AllViewerExceptHostHeader.</summary>
    public string OriginRequestPolicyId { get; init; } = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    public string MinimumProtocolVersion { get; init; } = "TLSv1.2_2021";

    /// <summary>An AWS WAF web ACL ARN; none by default.</summary>
    public string? WebAclId { get; init; }
}
