using MultiRegion.Components.Aws.Identity;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Replication;

/// <summary>
/// S3 cross-region replication from one bucket to several: an inline policy on the replication role naming exactly
/// the source, the destinations and their keys, and one <c>aws:s3/bucketReplicationConfig:BucketReplicationConfig</c>
/// with a rule per destination — Replication Time Control and replication metrics on, replicas encrypted with the
/// destination region's key. Both buckets must be versioned (<c>SecureBucket</c> is).
/// </summary>
public sealed class BucketReplication : Component
{
    public BucketReplication(IConstruct scope, string name, BucketReplicationArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Destinations.Count == 0)
        {
            throw new ArgumentException("bucket replication needs at least one destination", nameof(args));
        }

        var options = new ResourceOptions { Provider = args.Provider };
        var rolePolicy = Resource("rolePolicy", AwsTypes.RolePolicy, Value.Map(
            ("role", args.RoleName),
            ("policy", IamPolicyDocument.Of(
                IamPolicyDocument.Allow("ReadSourceConfiguration", ["s3:GetReplicationConfiguration", "s3:ListBucket"], Value.List(args.SourceBucketArn)),
                IamPolicyDocument.Allow("ReadSourceVersions", ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
                    Value.List(InterpolatedValue.Of(args.SourceBucketArn, "/*"))),
                IamPolicyDocument.Allow("WriteReplicas", ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
                    Value.List(args.Destinations.Select(d => (Value)InterpolatedValue.Of(d.BucketArn, "/*")))),
                IamPolicyDocument.Allow("DecryptSource", ["kms:Decrypt"], Value.List(args.SourceKmsKeyArn)),
                IamPolicyDocument.Allow("EncryptReplicas", ["kms:Encrypt", "kms:GenerateDataKey"],
                    Value.List(args.Destinations.Select(d => d.KmsKeyArn)))))),
            options);

        var rules = args.Destinations.Select((d, i) => (Value)Value.Map(
            ("id", $"to-{d.RegionId}"),
            ("priority", i + 1),
            ("status", "Enabled"),
            ("filter", Value.Map()),
            ("deleteMarkerReplication", Value.Map(("status", "Enabled"))),
            ("sourceSelectionCriteria", Value.Map(("sseKmsEncryptedObjects", Value.Map(("status", "Enabled"))))),
            ("destination", Value.Map(
                ("bucket", d.BucketArn),
                ("storageClass", args.StorageClass),
                ("encryptionConfiguration", Value.Map(("replicaKmsKeyId", d.KmsKeyArn))),
                ("replicationTime", Value.Map(("status", "Enabled"), ("time", Value.Map(("minutes", args.ReplicationTimeMinutes))))),
                ("metrics", Value.Map(("status", "Enabled"), ("eventThreshold", Value.Map(("minutes", args.ReplicationTimeMinutes))))))))).ToArray();

        Configuration = Resource("configuration", AwsTypes.BucketReplicationConfig, Value.Map(
            ("bucket", args.SourceBucketId),
            ("role", args.RoleArn),
            ("rules", Value.List(rules))),
            options with { DependsOn = [rolePolicy] });
    }

    public Resource Configuration { get; }
}
