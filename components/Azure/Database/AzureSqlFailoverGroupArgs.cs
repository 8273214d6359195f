namespace MultiRegion.Components.Azure.Database;

/// <summary>
/// Inputs of <see cref="AzureSqlFailoverGroup"/>: the primary server (its resource group and name), the partner
/// server's id and the databases to fail over together. Default: automatic failover after a 60-minute grace period
/// (Azure's minimum for automatic policy), read-only listener enabled on the secondary.
/// </summary>
public sealed record AzureSqlFailoverGroupArgs(
    string FailoverGroupName,
    Graph.Value PrimaryResourceGroupName,
    Graph.Value PrimaryServerName,
    Graph.Value PartnerServerId,
    IReadOnlyList<Graph.Value> DatabaseIds)
{
    public int GracePeriodMinutes { get; init; } = 60;

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
