using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Data;

/// <summary>
/// Inputs of <see cref="AuroraGlobalDatabase"/>. In the primary region leave <see cref="JoinGlobalClusterId"/> unset:
/// the component creates the <c>GlobalCluster</c> and its writer cluster. In a secondary region set it to the
/// primary stack's exported <c>globalClusterId</c>: the component creates a read-only cluster that joins it (this
/// stack reference is what orders secondaries after the primary).
/// Defaults: Aurora PostgreSQL 16, two instances, storage encrypted with the region's key, deletion protection,
/// 14 days of backups, IAM authentication, Performance Insights encrypted with the region's key, protected.
/// </summary>
public sealed record AuroraGlobalDatabaseArgs(
    string GlobalClusterIdentifier,
    string ClusterIdentifier,
    string InstanceClass,
    IReadOnlyList<Value> SubnetIds,
    Value SecurityGroupId,
    Value KmsKeyArn)
{
    /// <summary>The primary's global cluster id; set in secondary regions only.</summary>
    public Value? JoinGlobalClusterId { get; init; }

    public string Engine { get; init; } = "aurora-postgresql";

    public string EngineVersion { get; init; } = "16.6";

    public string DatabaseName { get; init; } = "app";

    public string MasterUsername { get; init; } = "app_admin";

    public int InstanceCount { get; init; } = 2;

    public int BackupRetentionDays { get; init; } = 14;

    public bool DeletionProtection { get; init; } = true;

    public bool IsPrimary => JoinGlobalClusterId is null;
}
