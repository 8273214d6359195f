using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.LoadBalancing;

/// <summary>
/// Inputs of <see cref="ApplicationLoadBalancer"/>. Defaults: internet-facing, deletion protection on, invalid
/// headers dropped, TLS 1.3/1.2-only policy, HTTP answered with a permanent redirect to HTTPS, targets on 8080 over
/// HTTP inside the VPC, health check every 10 s (AWS accepts 5–300), 3 failures mark a target unhealthy.
/// </summary>
public sealed record ApplicationLoadBalancerArgs(
    string Name,
    Value VpcId,
    IReadOnlyList<Value> PublicSubnetIds,
    Value SecurityGroupId,
    Value CertificateArn,
    string HealthCheckPath)
{
    public int TargetPort { get; init; } = 8080;

    public string SslPolicy { get; init; } = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    public int HealthCheckIntervalSeconds { get; init; } = 10;

    public int UnhealthyThreshold { get; init; } = 3;

    public int HealthyThreshold { get; init; } = 3;

    public int DeregistrationDelaySeconds { get; init; } = 30;

    public bool DeletionProtection { get; init; } = true;

    public int IdleTimeoutSeconds { get; init; } = 60;
}
