using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Monitoring;

/// <summary>
/// The region's alarms and where they go: an SNS topic encrypted with the region's KMS key (the key policy lets
/// CloudWatch use it), and alarms on target 5xx, unhealthy hosts and — in secondaries — Aurora global replication
/// lag. Alarms notify on ALARM and OK so on-call sees recoveries; missing data is not a breach (a quiet region is
/// not a failing one).
/// </summary>
public sealed class RegionalAlarms : Component
{
    public RegionalAlarms(IConstruct scope, string name, RegionalAlarmsArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Topic = Resource("topic", AwsTypes.SnsTopic, Value.Map(
            ("displayName", $"{Stack.Name} alarms"),
            ("kmsMasterKeyId", args.KmsKeyArn)));
        var alarms = new List<Resource>
        {
            Alarm("target5xx", "targets answer 5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum",
                Value.Map(("LoadBalancer", args.LoadBalancerArnSuffix)), args.Target5xxPerMinute, evaluationPeriods: 5, datapoints: 3),
            Alarm("unhealthyHosts", "the target group has unhealthy hosts", "AWS/ApplicationELB", "UnHealthyHostCount", "Maximum",
                Value.Map(("LoadBalancer", args.LoadBalancerArnSuffix), ("TargetGroup", args.TargetGroupArnSuffix)), 0, evaluationPeriods: 3, datapoints: 3),
        };
        if (args.ReplicaClusterIdentifier is { } cluster)
        {
            alarms.Add(Alarm("replicaLag", "Aurora global replication lag is high", "AWS/RDS", "AuroraGlobalDBReplicationLag", "Average",
                Value.Map(("DBClusterIdentifier", cluster)), args.ReplicaLagMilliseconds, evaluationPeriods: 5, datapoints: 5));
        }

        Alarms = alarms;
    }

    public Resource Topic { get; }

    public IReadOnlyList<Resource> Alarms { get; }

    private Resource Alarm(string localName, string description, string metricNamespace, string metric, string statistic, Value dimensions, double threshold, int evaluationPeriods, int datapoints)
    {
        var topicArn = Value.List(Topic.Output("arn"));
        return Resource(localName, AwsTypes.MetricAlarm, Value.Map(
            ("alarmDescription", $"{Stack.Name}: {description}"),
            ("namespace", metricNamespace),
            ("metricName", metric),
            ("statistic", statistic),
            ("dimensions", dimensions),
            ("period", 60),
            ("evaluationPeriods", evaluationPeriods),
            ("datapointsToAlarm", datapoints),
            ("threshold", threshold),
            ("comparisonOperator", "GreaterThanThreshold"),
            ("treatMissingData", "notBreaching"),
            ("alarmActions", topicArn),
            ("okActions", topicArn)));
    }
}
