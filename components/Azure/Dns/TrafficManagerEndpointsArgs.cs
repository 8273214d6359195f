namespace MultiRegion.Components.Azure.Dns;

/// <summary>One region as a Traffic Manager endpoint: its target host (or IP), rank, weight and status.</summary>
public sealed record TrafficManagerTarget(string RegionId, Graph.Value Target, int Rank, int Weight, bool Enabled, string? AzureLocation);

/// <summary>
/// Inputs of <see cref="TrafficManagerEndpoints"/>: the profile (from the global stack), the zone it is published in,
/// the service label and one target per region.
/// </summary>
public sealed record TrafficManagerEndpointsArgs(
    Graph.Value ResourceGroupName,
    Graph.Value ProfileName,
    Graph.Value ProfileId,
    string ZoneName,
    string ServiceLabel,
    IReadOnlyList<TrafficManagerTarget> Targets)
{
    public int Ttl { get; init; } = 60;
}
