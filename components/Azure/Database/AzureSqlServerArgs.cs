namespace MultiRegion.Components.Azure.Database;

/// <summary>
/// Inputs of <see cref="AzureSqlServer"/>. Defaults: Microsoft Entra-only authentication (no SQL logins or
/// passwords), TLS 1.2 minimum, public network access disabled (a private endpoint in the data subnet), outbound
/// network access restricted, a system-assigned identity, a General Purpose Gen5 database with geo-redundant backup
/// storage, all protected from deletion. A region that is not its cloud's anchor gets a geo-secondary database
/// (<see cref="SourceDatabaseId"/>) that the failover group then adopts.
/// </summary>
public sealed record AzureSqlServerArgs(
    string ServerName,
    string DatabaseName,
    string Location,
    Graph.Value ResourceGroupName,
    Graph.Value PrivateEndpointSubnetId,
    string AdminLogin,
    string AdminObjectId)
{
    public string SkuName { get; init; } = "GP_Gen5_2";

    public string SkuTier { get; init; } = "GeneralPurpose";

    public string SkuFamily { get; init; } = "Gen5";

    public int SkuCapacity { get; init; } = 2;

    public bool ZoneRedundant { get; init; }

    /// <summary>
    /// The virtual network whose clients resolve the server: a <c>privatelink.database.windows.net</c> private DNS
    /// zone is linked to it and the private endpoint registers its address there. None when null.
    /// </summary>
    public Graph.Value? VirtualNetworkId { get; init; }

    /// <summary>The primary database to geo-replicate (another stack's output); null declares a primary database.</summary>
    public Graph.Value? SourceDatabaseId { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
