namespace MultiRegion.Components.Gcp.LoadBalancing;

/// <summary>
/// Inputs of <see cref="GcpLoadBalancer"/>. Defaults: external Application Load Balancer (EXTERNAL_MANAGED), HTTPS
/// only (no port-80 listener), TLS 1.2+ with the RESTRICTED profile, a Google-managed certificate for
/// <see cref="Domains"/>, HTTPS to the backends, request logging.
/// </summary>
public sealed record GcpLoadBalancerArgs(string NamePrefix, Graph.Value InstanceGroup, IReadOnlyList<string> Domains)
{
    /// <summary>The named port of the instance group the backends serve on.</summary>
    public string PortName { get; init; } = "https";

    public int AppPort { get; init; } = 8443;

    public string HealthPath { get; init; } = "/healthz";

    public int CheckIntervalSeconds { get; init; } = 10;

    public int UnhealthyThreshold { get; init; } = 3;

    /// <summary>A Cloud Armor policy to attach (its id or self link); none by default.</summary>
    public Graph.Value? SecurityPolicy { get; init; }

    /// <summary>Fraction of requests logged (0..1).</summary>
    public double LogSampleRate { get; init; } = 1.0;
}
