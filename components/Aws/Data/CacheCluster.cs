using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Data;

/// <summary>
/// The region's ElastiCache replication group: a subnet group on the database subnets, the cache security group
/// (application only), Multi-AZ with automatic failover (so losing a zone promotes the replica), encryption at rest
/// with the region's KMS key and TLS required in transit. The cache is regional by design: it is rebuilt from the
/// database after a failover rather than replicated across regions.
/// </summary>
public sealed class CacheCluster : Component
{
    public CacheCluster(IConstruct scope, string name, CacheClusterArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.NodeCount < 2)
        {
            throw new ArgumentException("automatic failover needs at least 2 nodes", nameof(args));
        }

        var subnetGroup = Resource("subnetGroup", AwsTypes.CacheSubnetGroup, Value.Map(
            ("description", $"{Stack.Name}: cache in the database subnets"),
            ("subnetIds", Value.List(args.SubnetIds))));
        ReplicationGroup = Resource("replicationGroup", AwsTypes.CacheReplicationGroup, Value.Map(
            ("replicationGroupId", AwsNaming.Physical(40, args.ReplicationGroupId)),
            ("description", $"{Stack.Name}: application cache"),
            ("engine", args.Engine),
            ("engineVersion", args.EngineVersion),
            ("nodeType", args.NodeType),
            ("numCacheClusters", args.NodeCount),
            ("port", args.Port),
            ("subnetGroupName", subnetGroup.Output("name")),
            ("securityGroupIds", Value.List(args.SecurityGroupId)),
            ("automaticFailoverEnabled", true),
            ("multiAzEnabled", true),
            ("atRestEncryptionEnabled", true),
            ("kmsKeyId", args.KmsKeyArn),
            ("transitEncryptionEnabled", true),
            ("transitEncryptionMode", "required"),
            ("autoMinorVersionUpgrade", true),
            ("snapshotRetentionLimit", args.SnapshotRetentionDays)));
    }

    public Resource ReplicationGroup { get; }

    public Value PrimaryEndpoint => ReplicationGroup.Output("primaryEndpointAddress");
}
