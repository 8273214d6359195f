namespace MultiRegion.Components.Aws.Dns;

/// <summary>
/// Inputs of <see cref="EndpointHealthCheck"/>: the host and path probed over HTTPS (with SNI, so the certificate is
/// verified for the host). Route 53 accepts request intervals of 10 or 30 seconds and thresholds of 1–10; other
/// values are rounded to the nearest allowed one. Defaults: port 443, latency measured.
/// </summary>
public sealed record EndpointHealthCheckArgs(string Fqdn, string ResourcePath, int IntervalSeconds, int FailureThreshold)
{
    public int Port { get; init; } = 443;

    /// <summary>A disabled check is always reported healthy (Route 53 semantics); used for regions switched off in the topology.</summary>
    public bool Disabled { get; init; }

    public int RequestInterval => IntervalSeconds < 20 ? 10 : 30;

    public int Threshold => Math.Clamp(FailureThreshold, 1, 10);
}
