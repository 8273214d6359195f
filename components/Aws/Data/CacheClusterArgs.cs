using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Data;

/// <summary>
/// Inputs of <see cref="CacheCluster"/>. Defaults: Valkey 8 (Redis-compatible), two nodes in different zones,
/// Multi-AZ with automatic failover, encryption at rest with the region's key and in transit (TLS required), 7 days
/// of snapshots.
/// </summary>
public sealed record CacheClusterArgs(
    string ReplicationGroupId,
    string NodeType,
    IReadOnlyList<Value> SubnetIds,
    Value SecurityGroupId,
    Value KmsKeyArn)
{
    public string Engine { get; init; } = "valkey";

    public string EngineVersion { get; init; } = "8.0";

    /// <summary>Primary plus replicas; at least 2 for automatic failover.</summary>
    public int NodeCount { get; init; } = 2;

    public int Port { get; init; } = 6379;

    public int SnapshotRetentionDays { get; init; } = 7;
}
