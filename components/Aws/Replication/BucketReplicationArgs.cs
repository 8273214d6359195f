using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Replication;

/// <summary>One destination of <see cref="BucketReplication"/>: a bucket (ARN) in another region and the KMS key replicas are encrypted with there.</summary>
public sealed record ReplicationDestination(string RegionId, Value BucketArn, Value KmsKeyArn);

/// <summary>
/// Inputs of <see cref="BucketReplication"/>: the source bucket, its key, the replication role (created in the global
/// stack; this component attaches its least-privilege policy), and the destinations — already filtered by
/// <see cref="ResidencyRules"/>. Defaults: Replication Time Control (15-minute SLA) with metrics, delete markers
/// replicated, only KMS-encrypted objects (which, with default bucket encryption, is all of them), STANDARD class.
/// </summary>
public sealed record BucketReplicationArgs(
    Value SourceBucketId,
    Value SourceBucketArn,
    Value SourceKmsKeyArn,
    Value RoleArn,
    Value RoleName,
    IReadOnlyList<ReplicationDestination> Destinations)
{
    /// <summary>The provider of the source bucket's region.</summary>
    public Resource? Provider { get; init; }

    public string StorageClass { get; init; } = "STANDARD";

    public int ReplicationTimeMinutes { get; init; } = 15;
}
