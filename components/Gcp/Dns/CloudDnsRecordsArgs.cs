using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Gcp.Dns;

/// <summary>One region as a DNS answer: its id, its GCP region (for geo policies), weight, and its address.</summary>
public sealed record DnsTarget(string RegionId, string Location, int Priority, int Weight, Graph.Value Address);

/// <summary>
/// Inputs of <see cref="CloudDnsRecords"/>: the service name, the zone, the routing policy and the regions (only
/// enabled ones; most preferred first). Health checks probe HTTPS on 443 from three source regions.
/// </summary>
public sealed record CloudDnsRecordsArgs(
    string NamePrefix,
    Graph.Value ManagedZone,
    string ServiceFqdn,
    RoutingPolicyKind Policy,
    IReadOnlyList<DnsTarget> Targets)
{
    public string HealthPath { get; init; } = "/healthz";

    public int Ttl { get; init; } = 60;

    /// <summary>Cloud DNS health checks of external endpoints run at most every 30 s.</summary>
    public int CheckIntervalSeconds { get; init; } = 30;

    public int FailureThreshold { get; init; } = 3;

    /// <summary>The three regions the health checks probe from.</summary>
    public IReadOnlyList<string> ProbeRegions { get; init; } = ["us-central1", "europe-west1", "asia-southeast1"];
}
