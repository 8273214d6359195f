using MultiRegion.Components.Aws;
using MultiRegion.Components.Graph;
using static MultiRegion.Components.Policy.ValueQuery;

namespace MultiRegion.Components.Policy.Rules;

/// <summary>
/// MR002: no bucket can become public — each has a public access block with all four settings on, no public canned
/// ACL, and no bucket policy statement allowing everyone (<c>Principal: "*"</c>) without a condition.
/// </summary>
public sealed class NoPublicBucketsRule : PolicyRule
{
    private static readonly string[] BlockSettings = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    public override string Id => "MR002-no-public-buckets";

    public override string Description => "buckets have every public access block on and no public ACL or policy";

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stack, bucket) in context.OfType(AwsTypes.Bucket))
        {
            var blocks = PolicyContext.Referencing(stack, bucket, AwsTypes.BucketPublicAccessBlock, "bucket").ToArray();
            if (blocks.Length == 0)
            {
                yield return Finding(stack, bucket, "publicAccessBlock", "no BucketPublicAccessBlock for this bucket");
            }

            foreach (var block in blocks)
            {
                foreach (var setting in BlockSettings.Where(s => !IsTrue(block.Property(s))))
                {
                    yield return Finding(stack, block, setting, $"public access block of {bucket.Name} leaves {setting} off");
                }
            }

            if (Text(bucket.Property("acl")) is { } acl && acl.StartsWith("public", StringComparison.OrdinalIgnoreCase))
            {
                yield return Finding(stack, bucket, "acl", $"canned ACL '{acl}' makes the bucket public");
            }

            foreach (var policy in PolicyContext.Referencing(stack, bucket, AwsTypes.BucketPolicy, "bucket"))
            {
                if (Statements(policy.Property("policy")).Any(s => Text(At(s, "Effect")) == "Allow" && IsEveryone(At(s, "Principal")) && At(s, "Condition") is null))
                {
                    yield return Finding(stack, policy, "policy", $"a statement allows everyone (Principal \"*\") on {bucket.Name} without a condition");
                }
            }
        }
    }

    internal static IReadOnlyList<Value> Statements(Value? document) => Items(At(document, "Statement"));

    private static bool IsEveryone(Value? principal) => Text(principal) == "*" || Text(At(principal, "AWS")) == "*";
}
