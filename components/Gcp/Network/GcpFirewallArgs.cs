namespace MultiRegion.Components.Gcp.Network;

/// <summary>
/// Inputs of <see cref="GcpFirewall"/>: the GCP counterpart of the AWS security groups. Defaults: the application port
/// is reachable only from Google's load-balancer and health-check ranges, every other ingress is denied (and logged),
/// administrative SSH is off (OS Login through IAP can be enabled with <see cref="AllowIapSsh"/>).
/// </summary>
public sealed record GcpFirewallArgs(string NamePrefix, string TargetTag)
{
    /// <summary>The ranges Google Front Ends and health checkers use (documented by Google for external Application Load Balancers).</summary>
    public static IReadOnlyList<string> LoadBalancerRanges { get; } = ["130.211.0.0/22", "35.191.0.0/16"];

    /// <summary>The range Identity-Aware Proxy TCP forwarding connects from.</summary>
    public const string IapRange = "35.235.240.0/20";

    /// <summary>The port the instances serve on (the load balancer's backends).</summary>
    public int AppPort { get; init; } = 8443;

    /// <summary>Allow SSH from Identity-Aware Proxy (never from the internet).</summary>
    public bool AllowIapSsh { get; init; }
}
