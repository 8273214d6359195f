using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Compute;

/// <summary>
/// Inputs of <see cref="ApplicationFleet"/>. Defaults: the latest Amazon Linux 2023 x86-64 image (resolved by EC2 from
/// the public SSM parameter at launch), IMDSv2 required with a hop limit of 1 (containers on the host cannot reach the
/// instance credentials), a 30 GiB gp3 root volume encrypted with the region's key, detailed monitoring, the SSM
/// managed policy (shell access through Session Manager; no SSH key, no port 22), ELB health checks.
/// </summary>
public sealed record ApplicationFleetArgs(
    string InstanceType,
    int MinSize,
    int MaxSize,
    int DesiredCapacity,
    IReadOnlyList<Value> PrivateSubnetIds,
    Value SecurityGroupId,
    Value TargetGroupArn,
    Value KmsKeyArn)
{
    /// <summary>An AMI id, or <c>resolve:ssm:</c> and a public parameter; use an arm64 image for Graviton types.</summary>
    public string ImageId { get; init; } = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

    public int RootVolumeSizeGiB { get; init; } = 30;

    public string RootDeviceName { get; init; } = "/dev/xvda";

    public int HealthCheckGracePeriodSeconds { get; init; } = 120;

    /// <summary>Base64 user data (the application's bootstrap); none by default.</summary>
    public string? UserData { get; init; }
}
