using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Identity;

/// <summary>
/// Inputs of <see cref="GlobalIdentities"/>: the ARN of the hosted zone the health checker may change.
/// The roles carry no permissions here; the cross-region stack attaches least-privilege inline policies once the
/// buckets, keys and buses they act on exist (their ARNs are only known there).
/// </summary>
public sealed record GlobalIdentitiesArgs(Value HostedZoneArn);
