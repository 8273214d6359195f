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

        PrivateEndpoint = Resource("privateEndpoint", AzureTypes.PrivateEndpoint, Value.Map(
            ("privateEndpointName", $"{args.ServerName}-pe"),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", args.Location),
            ("subnet", Value.Map(("id", args.PrivateEndpointSubnetId))),
            ("privateLinkServiceConnections", Value.List(Value.Map(
                ("name", "sql"),
                ("privateLinkServiceId", Server.Output("id")),
                ("groupIds", Value.List("sqlServer"))))),
            ("tags", tags)));

        if (args.VirtualNetworkId is not null)
        {
            PrivateZone = Resource("privateZone", AzureTypes.PrivateDnsZone, Value.Map(
                ("privateZoneName", PrivateLinkZone),
                ("resourceGroupName", args.ResourceGroupName),
                ("location", "global"),
                ("tags", tags)));
            Resource("privateZoneLink", AzureTypes.PrivateDnsVirtualNetworkLink, Value.Map(
                ("privateZoneName", PrivateZone.Output("name")),
                ("resourceGroupName", args.ResourceGroupName),
                ("virtualNetworkLinkName", $"{args.ServerName}-link"),
                ("location", "global"),
                ("registrationEnabled", false),
                ("virtualNetwork", Value.Map(("id", args.VirtualNetworkId))),
                ("tags", tags)));
            Resource("privateZoneGroup", AzureTypes.PrivateDnsZoneGroup, Value.Map(
                ("privateEndpointName", PrivateEndpoint.Output("name")),
                ("resourceGroupName", args.ResourceGroupName),
                ("privateDnsZoneGroupName", "default"),
                ("privateDnsZoneConfigs", Value.List(Value.Map(
                    ("name", "sql"),
                    ("privateDnsZoneId", PrivateZone.Output("id")))))));
        }
    }

    /// <summary>The private DNS zone for the endpoint's address (when a virtual network is given).</summary>
    public const string PrivateLinkZone = "privatelink.database.windows.net";

    public Resource Server { get; }

    public Resource? PrivateZone { get; }

    public Resource Database { get; }

    public Resource PrivateEndpoint { get; }
}
