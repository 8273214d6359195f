namespace MultiRegion.Components.Gcp.Database;

/// <summary>
/// Inputs of <see cref="CloudSqlEndpoint"/>: where the endpoint lives, which service attachment it targets, and the
/// instance's PSC DNS name (published in a private <c>{region}.sql.goog.</c> zone visible only to the VPC).
/// </summary>
public sealed record CloudSqlEndpointArgs(string NamePrefix, string Region, Graph.Value Network, Graph.Value Subnetwork, Graph.Value ServiceAttachment)
{
    /// <summary>The instance's <c>dnsName</c> output; no private zone when null.</summary>
    public Graph.Value? InstanceDnsName { get; init; }
}
