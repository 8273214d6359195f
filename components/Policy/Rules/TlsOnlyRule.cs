using MultiRegion.Components.Aws;
using static MultiRegion.Components.Policy.ValueQuery;

namespace MultiRegion.Components.Policy.Rules;

/// <summary>
/// MR003: data in transit is encrypted — buckets deny requests without <c>aws:SecureTransport</c>; plain-HTTP
/// listeners only redirect to HTTPS; HTTPS listeners use a TLS 1.2+ security policy; ElastiCache requires TLS;
/// CloudFront never serves viewers over plain HTTP or TLS older than 1.2 and talks to origins over HTTPS only.
/// </summary>
public sealed class TlsOnlyRule : PolicyRule
{
    public override string Id => "MR003-tls-only";

    public override string Description => "every client-facing and data path requires TLS";

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stack, bucket) in context.OfType(AwsTypes.Bucket))
        {
            var deniesPlainHttp = PolicyContext.Referencing(stack, bucket, AwsTypes.BucketPolicy, "bucket")
                .SelectMany(p => NoPublicBucketsRule.Statements(p.Property("policy")))
                .Any(s => Text(At(s, "Effect")) == "Deny" && Text(At(s, "Condition.Bool.aws:SecureTransport")) == "false");
            if (!deniesPlainHttp)
            {
                yield return Finding(stack, bucket, "policy", "no bucket policy denies requests without aws:SecureTransport");
            }
        }

        foreach (var (stack, listener) in context.OfType(AwsTypes.Listener).Where(x => Text(x.Resource.Property("protocol")) == "HTTP"))
        {
            var actions = Items(listener.Property("defaultActions"));
            if (actions.Count == 0 || !actions.All(a => Text(At(a, "type")) == "redirect" && Text(At(a, "redirect.protocol")) == "HTTPS"))
            {
                yield return Finding(stack, listener, "defaultActions", "a plain-HTTP listener must only redirect to HTTPS");
            }
        }

        foreach (var (stack, listener) in context.OfType(AwsTypes.Listener).Where(x => Text(x.Resource.Property("protocol")) == "HTTPS"))
        {
            var policy = Text(listener.Property("sslPolicy"));
            if (policy is null || !(policy.Contains("TLS13", StringComparison.Ordinal) || policy.Contains("TLS-1-2", StringComparison.Ordinal)))
            {
                yield return Finding(stack, listener, "sslPolicy", $"'{policy ?? "(default)"}' may accept TLS 1.0/1.1; use a TLS13 or TLS-1-2 security policy");
            }
        }

        foreach (var (stack, r) in context.OfType(AwsTypes.CacheReplicationGroup).Where(x => !IsTrue(x.Resource.Property("transitEncryptionEnabled"))))
        {
            yield return Finding(stack, r, "transitEncryptionEnabled", "cache connections are not encrypted");
        }

        foreach (var (stack, r) in context.OfType(AwsTypes.Distribution))
        {
            if (Text(At(r, "defaultCacheBehavior.viewerProtocolPolicy")) is null or "allow-all")
            {
                yield return Finding(stack, r, "defaultCacheBehavior.viewerProtocolPolicy", "viewers may use plain HTTP; use redirect-to-https or https-only");
            }

            if (Text(At(r, "viewerCertificate.minimumProtocolVersion")) is not { } minimum || !minimum.StartsWith("TLSv1.2", StringComparison.Ordinal))
            {
                yield return Finding(stack, r, "viewerCertificate.minimumProtocolVersion", "viewers may negotiate TLS older than 1.2; use TLSv1.2_2021");
            }

            foreach (var origin in Items(r.Property("origins")).Where(o => At(o, "customOriginConfig") is not null && Text(At(o, "customOriginConfig.originProtocolPolicy")) != "https-only"))
            {
                yield return Finding(stack, r, "origins.customOriginConfig.originProtocolPolicy", $"origin {Text(At(origin, "originId"))} is reached without TLS; use https-only");
            }
        }
    }
}
