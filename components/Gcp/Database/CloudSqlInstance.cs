using MultiRegion.Components.Gcp.Security;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Gcp.Database;

/// <summary>
/// A Cloud SQL instance: the cloud's writer in its anchor region, or a cross-region read replica of it
/// (<c>masterInstanceName</c> read from the anchor stack's output). No public IP and no VPC peering: the instance
/// publishes a Private Service Connect service attachment that only the consumer project may connect to, so each
/// region's own VPC reaches its local instance through a <see cref="CloudSqlEndpoint"/>. Protected from deletion.
/// </summary>
public sealed class CloudSqlInstance : Component
{
    public CloudSqlInstance(IConstruct scope, string name, CloudSqlInstanceArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new List<(string, Value?)>
        {
            ("tier", args.Tier),
            ("edition", "ENTERPRISE"),
            ("availabilityType", args.IsReplica ? "ZONAL" : "REGIONAL"),
            ("diskType", "PD_SSD"),
            ("diskSize", args.DiskSizeGb),
            ("diskAutoresize", true),
            ("deletionProtectionEnabled", true),
            ("userLabels", MapValue.Of(args.Labels)),
            ("ipConfiguration", Value.Map(
                ("ipv4Enabled", false),
                ("sslMode", "ENCRYPTED_ONLY"),
                ("pscConfigs", Value.List(Value.Map(
                    ("pscEnabled", true),
                    ("allowedConsumerProjects", Value.List(args.ConsumerProject))))))),
            ("databaseFlags", Value.List(
                Value.Map(("name", "log_connections"), ("value", "on")),
                Value.Map(("name", "log_disconnections"), ("value", "on")))),
            ("insightsConfig", Value.Map(("queryInsightsEnabled", true))),
            ("maintenanceWindow", Value.Map(("day", 7), ("hour", 3), ("updateTrack", "stable"))),
        };

        if (!args.IsReplica)
        {
            settings.Add(("backupConfiguration", Value.Map(
                ("enabled", true),
                ("pointInTimeRecoveryEnabled", true),
                ("startTime", args.BackupStartTime),
                ("transactionLogRetentionDays", args.TransactionLogRetentionDays),
                ("backupRetentionSettings", Value.Map(("retainedBackups", args.RetainedBackups), ("retentionUnit", "COUNT"))))));
        }

        var dependsOn = new List<Resource>();
        if (args.KmsKeyName is { } key)
        {
            // Cloud SQL's service agent must exist and be allowed to use the key before the instance is created.
            var agent = Resource("serviceAgent", GcpTypes.ServiceIdentity, Value.Map(("service", "sqladmin.googleapis.com")));
            dependsOn.Add(new CmekGrant(this, "cmek", key, agent.Output("email")).Binding);
        }

        Instance = Resource("instance", GcpTypes.SqlDatabaseInstance, Value.Map(
            ("name", args.Name),
            ("region", args.Region),
            ("databaseVersion", args.DatabaseVersion),
            ("deletionProtection", true),
            ("encryptionKeyName", OptionalValue.Of(args.KmsKeyName)),
            ("masterInstanceName", args.MasterInstanceName),
            ("replicaConfiguration", args.IsReplica ? Value.Map(("failoverTarget", false)) : null),
            ("settings", MapValue.Of(settings))),
            new ResourceOptions
            {
                Protect = true,
                DependsOn = dependsOn,
                CustomTimeouts = new CustomTimeouts(Create: "60m", Update: "60m", Delete: "60m"),
            });
    }

    public Resource Instance { get; }

    /// <summary>The instance name (what a replica's <c>masterInstanceName</c> takes).</summary>
    public Value InstanceName => Instance.Output("name");

    /// <summary>The Private Service Connect service attachment consumers' endpoints target.</summary>
    public Value ServiceAttachment => Instance.Output("pscServiceAttachmentLink");

    /// <summary>The instance's PSC DNS name (resolve it to the endpoint's address in the consumer network).</summary>
    public Value DnsName => Instance.Output("dnsName");

    public Value ConnectionName => Instance.Output("connectionName");
}
