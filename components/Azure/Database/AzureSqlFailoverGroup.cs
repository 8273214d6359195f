using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Azure.Database;

/// <summary>
/// An Azure SQL auto-failover group between the anchor region's server and a partner region's server: one
/// read-write listener (<c>{name}.database.windows.net</c>) that follows the primary, one read-only listener.
/// Declared in the cross-region stack because it needs both regions' outputs.
/// </summary>
public sealed class AzureSqlFailoverGroup : Component
{
    public AzureSqlFailoverGroup(IConstruct scope, string name, AzureSqlFailoverGroupArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Group = Resource("group", AzureTypes.SqlFailoverGroup, Value.Map(
            ("failoverGroupName", args.FailoverGroupName),
            ("resourceGroupName", args.PrimaryResourceGroupName),
            ("serverName", args.PrimaryServerName),
            ("partnerServers", Value.List(Value.Map(("id", args.PartnerServerId)))),
            ("databases", Value.List(args.DatabaseIds)),
            ("readWriteEndpoint", Value.Map(
                ("failoverPolicy", "Automatic"),
                ("failoverWithDataLossGracePeriodMinutes", args.GracePeriodMinutes))),
            ("readOnlyEndpoint", Value.Map(("failoverPolicy", "Enabled"))),
            ("tags", MapValue.Of(args.Tags))));
    }

    public Resource Group { get; }

    /// <summary>The read-write listener host name (follows the primary on failover).</summary>
    public static string ReadWriteListener(string failoverGroupName) => $"{failoverGroupName}.database.windows.net";
}
