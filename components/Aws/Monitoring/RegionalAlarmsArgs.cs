using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Monitoring;

/// <summary>
/// Inputs of <see cref="RegionalAlarms"/>: what to watch (the load balancer's and target group's ARN suffixes, the
/// Aurora cluster id when the region replicates) and the key the alarm topic is encrypted with. Defaults: more than
/// 10 target 5xx a minute for 3 of 5 minutes; any unhealthy host for 3 minutes; replica lag above 1 s for 5 minutes.
/// </summary>
public sealed record RegionalAlarmsArgs(Value LoadBalancerArnSuffix, Value TargetGroupArnSuffix, Value KmsKeyArn)
{
    /// <summary>The cluster whose global replication lag is watched (secondaries); none in the primary.</summary>
    public Value? ReplicaClusterIdentifier { get; init; }

    public double Target5xxPerMinute { get; init; } = 10;

    public double ReplicaLagMilliseconds { get; init; } = 1000;
}
