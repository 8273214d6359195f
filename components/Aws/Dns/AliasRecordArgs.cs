using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Dns;

/// <summary>
/// Inputs of <see cref="AliasRecord"/>: an A alias at <see cref="Name"/> in <see cref="ZoneId"/> to a target (a load
/// balancer, a CloudFront distribution, another record) given by its DNS name and hosted zone id. Target health is
/// evaluated by default, so Route 53 stops answering with a target that has no healthy backends.
/// </summary>
public sealed record AliasRecordArgs(Value ZoneId, string Name, Value TargetDnsName, Value TargetZoneId)
{
    public bool EvaluateTargetHealth { get; init; } = true;

    /// <summary>Also publish an AAAA alias (CloudFront and dual-stack load balancers).</summary>
    public bool Ipv6 { get; init; }
}
