using MultiRegion.Components.Aws;
using static MultiRegion.Components.Policy.ValueQuery;

namespace MultiRegion.Components.Policy.Rules;

/// <summary>
/// MR001: every data store is encrypted at rest — Aurora clusters and global clusters (<c>storageEncrypted</c>),
/// ElastiCache (<c>atRestEncryptionEnabled</c>), DynamoDB (<c>serverSideEncryption.enabled</c>), SNS
/// (<c>kmsMasterKeyId</c>), every EBS volume of a launch template (<c>blockDeviceMappings[].ebs.encrypted</c>), and
/// S3 buckets (a server-side encryption configuration with <c>aws:kms</c>).
/// </summary>
public sealed class EncryptionAtRestRule : PolicyRule
{
    public override string Id => "MR001-encryption-at-rest";

    public override string Description => "data stores, volumes, topics and buckets are encrypted at rest";

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stack, r) in context.OfType(AwsTypes.DbCluster).Concat(context.OfType(AwsTypes.GlobalCluster)))
        {
            if (!IsTrue(r.Property("storageEncrypted")))
            {
                yield return Finding(stack, r, "storageEncrypted", "storage is not encrypted; set storageEncrypted: true (and kmsKeyId)");
            }
        }

        foreach (var (stack, r) in context.OfType(AwsTypes.CacheReplicationGroup).Where(x => !IsTrue(x.Resource.Property("atRestEncryptionEnabled"))))
        {
            yield return Finding(stack, r, "atRestEncryptionEnabled", "cache data is not encrypted at rest");
        }

        foreach (var (stack, r) in context.OfType(AwsTypes.DynamoDbTable).Where(x => !IsTrue(At(x.Resource, "serverSideEncryption.enabled"))))
        {
            yield return Finding(stack, r, "serverSideEncryption", "the table is not encrypted with a customer-managed key (serverSideEncryption.enabled)");
        }

        foreach (var (stack, r) in context.OfType(AwsTypes.SnsTopic).Where(x => !IsSet(x.Resource.Property("kmsMasterKeyId"))))
        {
            yield return Finding(stack, r, "kmsMasterKeyId", "the topic is not encrypted; set kmsMasterKeyId");
        }

        foreach (var (stack, r) in context.OfType(AwsTypes.LaunchTemplate))
        {
            var mappings = Items(r.Property("blockDeviceMappings"));
            if (mappings.Count == 0)
            {
                yield return Finding(stack, r, "blockDeviceMappings", "the root volume is not declared, so it is not known to be encrypted");
            }

            foreach (var mapping in mappings.Where(m => At(m, "ebs") is not null && !IsTrue(At(m, "ebs.encrypted"))))
            {
                yield return Finding(stack, r, "blockDeviceMappings.ebs.encrypted", $"volume {Text(At(mapping, "deviceName")) ?? "?"} is not encrypted");
            }
        }

        foreach (var (stack, bucket) in context.OfType(AwsTypes.Bucket))
        {
            var kms = PolicyContext.Referencing(stack, bucket, AwsTypes.BucketServerSideEncryption, "bucket")
                .Any(c => Items(c.Property("rules")).Any(rule => Text(At(rule, "applyServerSideEncryptionByDefault.sseAlgorithm")) is "aws:kms" or "aws:kms:dsse"));
            if (!kms)
            {
                yield return Finding(stack, bucket, "serverSideEncryptionConfiguration", "no BucketServerSideEncryptionConfiguration with aws:kms for this bucket");
            }
        }
    }
}
