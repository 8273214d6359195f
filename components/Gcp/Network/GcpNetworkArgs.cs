namespace MultiRegion.Components.Gcp.Network;

/// <summary>
/// Inputs of <see cref="GcpNetwork"/>. Defaults: custom-mode VPC (no auto subnetworks), private Google access and
/// VPC flow logs on the subnetwork, Cloud NAT for egress with error logging, default internet routes kept only for
/// NAT (instances have no public IPs).
/// </summary>
public sealed record GcpNetworkArgs(string NamePrefix, string Region, string Cidr)
{
    /// <summary>Flow-log sampling rate (0..1).</summary>
    public double FlowLogSampling { get; init; } = 0.5;

    /// <summary>Flow-log aggregation interval.</summary>
    public string FlowLogInterval { get; init; } = "INTERVAL_5_SEC";

    /// <summary>Cloud NAT for private egress; off leaves the instances without any route to the internet.</summary>
    public bool EnableNat { get; init; } = true;
}
