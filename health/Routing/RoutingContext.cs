using MultiRegion.Health.Dns;

namespace MultiRegion.Health.Routing;

/// <summary>Input of a decision: the managed name, TTL, every region's status and the records currently in DNS.</summary>
public sealed record RoutingContext(
    string Name,
    int Ttl,
    IReadOnlyList<RegionStatus> Regions,
    IReadOnlyList<DnsRecordSet> Current);
