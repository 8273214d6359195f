using MultiRegion.Components.Graph;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Aws.Dns;

/// <summary>One region as the routing records see it: identity, preference, and the alias target with its health check.</summary>
public sealed record RoutingTarget(
    string RegionId,
    string CloudRegion,
    int Priority,
    int Weight,
    Value AliasDnsName,
    Value AliasZoneId,
    Value HealthCheckId);

/// <summary>
/// Inputs of <see cref="RoutingRecords"/>: the zone, the fully qualified name the records are published at (never the
/// service name the health checker owns), the policy and the enabled regions. <see cref="Domain"/> is used to name
/// the intermediate records of a failover chain.
/// </summary>
public sealed record RoutingRecordsArgs(Value ZoneId, string Name, string Domain, RoutingPolicyKind Policy, IReadOnlyList<RoutingTarget> Targets);
