using MultiRegion.Components.Azure.Network;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Azure.Database;

/// <summary>An Azure SQL logical server (Entra-only, private) with one database and a private endpoint in the data subnet.</summary>
public sealed class AzureSqlServer : Component
{
    public AzureSqlServer(IConstruct scope, string name, AzureSqlServerArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var tags = MapValue.Of(args.Tags);
        Server = Resource("server", AzureTypes.SqlServer, Value.Map(
            ("serverName", args.ServerName),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", args.Location),
            ("version", "12.0"),
            ("minimalTlsVersion", "1.2"),
            ("publicNetworkAccess", "Disabled"),
            ("restrictOutboundNetworkAccess", "Enabled"),
            ("identity", Value.Map(("type", "SystemAssigned"))),
            ("administrators", Value.Map(
                ("administratorType", "ActiveDirectory"),
                ("azureADOnlyAuthentication", true),
                ("principalType", "Group"),
                ("login", args.AdminLogin),
                ("sid", args.AdminObjectId))),
            ("tags", tags)),
            new ResourceOptions { Protect = true });

        var replica = args.SourceDatabaseId is not null;
        Database = Resource("database", AzureTypes.SqlDatabase, Value.Map(
            ("databaseName", args.DatabaseName),
            ("serverName", Server.Output("name")),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", args.Location),
            ("sku", Value.Map(("name", args.SkuName), ("tier", args.SkuTier), ("family", args.SkuFamily), ("capacity", args.SkuCapacity))),
            ("zoneRedundant", args.ZoneRedundant),
            ("requestedBackupStorageRedundancy", "Geo"),
            ("createMode", replica ? (Value)"Secondary" : null),
            ("secondaryType", replica ? (Value)"Geo" : null),
            ("sourceDatabaseId", args.SourceDatabaseId),
            ("tags", tags)),
            new ResourceOptions { Protect = true });

        PrivateEndpoint = new AzurePrivateEndpoint(this, "private", new AzurePrivateEndpointArgs(
            $"{args.ServerName}-pe", args.Location, args.ResourceGroupName, args.PrivateEndpointSubnetId, Server.Output("id"), "sqlServer", PrivateLinkZone)
        {
            VirtualNetworkId = args.VirtualNetworkId,
            Tags = args.Tags,
        });
    }

    /// <summary>The private DNS zone Azure SQL's private endpoints register in.</summary>
    public const string PrivateLinkZone = "privatelink.database.windows.net";

    public Resource Server { get; }

    public Resource Database { get; }

    public AzurePrivateEndpoint PrivateEndpoint { get; }
}
