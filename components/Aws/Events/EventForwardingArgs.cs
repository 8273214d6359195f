using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Events;

/// <summary>A regional bus as <see cref="EventForwarding"/> sees it: name and ARN (from the regional stack) and the provider of its region.</summary>
public sealed record ForwardingBus(string RegionId, string CloudRegion, Value BusName, Value BusArn, Resource? Provider);

/// <summary>
/// Inputs of <see cref="EventForwarding"/>: the buses, the allowed (from, to) region pairs — already filtered by
/// <c>ResidencyRules</c> — and the forwarding role from the global stack.
/// </summary>
public sealed record EventForwardingArgs(
    IReadOnlyList<ForwardingBus> Buses,
    IReadOnlyList<(string From, string To)> Routes,
    Value RoleArn,
    Value RoleName);
