namespace MultiRegion.Components.Aws;

/// <summary>
/// AWS-specific stack outputs, beyond the cloud-neutral <see cref="Stacks.RegionalOutputs"/> and
/// <see cref="Stacks.GlobalOutputs"/> contracts. The cross-region stack reads them by these names.
/// </summary>
public static class AwsOutputs
{
    // global stack
    public const string CdnCertificateArn = "certificateArn";
    public const string ReplicationRoleArn = "replicationRoleArn";
    public const string ReplicationRoleName = "replicationRoleName";
    public const string EventForwardingRoleArn = "eventForwardingRoleArn";
    public const string EventForwardingRoleName = "eventForwardingRoleName";
    public const string HealthCheckerPolicyArn = "healthCheckerPolicyArn";
    public const string DashboardName = "dashboardName";

    // regional stacks
    public const string LoadBalancerZoneId = "loadBalancerZoneId";
    public const string RegionalHostName = "regionalHostName";
    public const string VpcId = "vpcId";
    public const string BucketName = "bucketName";
    public const string BucketArn = "bucketArn";
    public const string KeyArn = "keyArn";
    public const string GlobalClusterId = "globalClusterId";
    public const string ClusterId = "clusterId";
    public const string ClusterArn = "clusterArn";
    public const string CacheEndpoint = "cacheEndpoint";
    public const string EventBusArn = "eventBusArn";
    public const string EventBusName = "eventBusName";
    public const string AlarmTopicArn = "alarmTopicArn";
    public const string DatabaseRouteTableId = "databaseRouteTableId";

    /// <summary><c>privateRouteTableId0</c>, <c>…1</c>: one output per zone (a stack reference reads whole outputs, not list items).</summary>
    public static string PrivateRouteTableId(int index) => $"privateRouteTableId{index}";
}
