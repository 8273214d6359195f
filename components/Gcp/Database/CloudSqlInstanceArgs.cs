namespace MultiRegion.Components.Gcp.Database;

/// <summary>
/// Inputs of <see cref="CloudSqlInstance"/>. Defaults: PostgreSQL 16, regional high availability on the primary,
/// no public address (reached only through Private Service Connect from <see cref="ConsumerProject"/>; TLS required), deletion protection at both the Pulumi and the API level,
/// daily backups with point-in-time recovery kept 14 backups / 7 days of logs, query insights, a Sunday maintenance
/// window. A replica (<see cref="MasterInstanceName"/> set) takes no backups of its own (Cloud SQL forbids them).
/// </summary>
public sealed record CloudSqlInstanceArgs(string Name, string Region, string ConsumerProject)
{
    public string DatabaseVersion { get; init; } = "POSTGRES_16";

    public string Tier { get; init; } = "db-custom-2-7680";

    public int DiskSizeGb { get; init; } = 50;

    /// <summary>The primary instance to replicate from (another stack's output); null declares a primary.</summary>
    public Graph.Value? MasterInstanceName { get; init; }

    /// <summary>A Cloud KMS key (in the instance's region) for customer-managed encryption; Google-managed when null.</summary>
    public string? KmsKeyName { get; init; }

    public int RetainedBackups { get; init; } = 14;

    public int TransactionLogRetentionDays { get; init; } = 7;

    public string BackupStartTime { get; init; } = "03:00";

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public bool IsReplica => MasterInstanceName is not null;
}
