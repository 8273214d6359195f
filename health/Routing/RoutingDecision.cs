using MultiRegion.Health.Dns;

namespace MultiRegion.Health.Routing;

/// <summary>
/// The record sets that should be published, why, which regions they send traffic to, and whether the policy
/// failed open (no region was serving, so the last good / all enabled answer is kept — never an empty answer).
/// </summary>
public sealed record RoutingDecision(
    IReadOnlyList<DnsRecordSet> Records,
    string Reason,
    bool FailOpen,
    IReadOnlyList<string> ActiveRegions);
