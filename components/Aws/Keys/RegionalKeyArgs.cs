namespace MultiRegion.Components.Aws.Keys;

/// <summary>
/// Inputs of <see cref="RegionalKey"/>. Defaults: symmetric encryption key, yearly automatic rotation, a 30-day
/// deletion window (the longest; a deleted key makes every volume, snapshot and object encrypted with it unreadable),
/// protected from <c>pulumi destroy</c>.
/// </summary>
public sealed record RegionalKeyArgs(string Alias)
{
    public int DeletionWindowInDays { get; init; } = 30;

    public int RotationPeriodInDays { get; init; } = 365;

    /// <summary>Let the EC2 Auto Scaling service-linked role use the key, so instances with encrypted volumes can launch.</summary>
    public bool AllowAutoScaling { get; init; } = true;

    /// <summary>Let CloudWatch publish alarms to SNS topics encrypted with this key.</summary>
    public bool AllowCloudWatchAlarms { get; init; } = true;

    public bool Protect { get; init; } = true;
}
