using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Azure.Dns;

/// <summary>The Azure DNS public zone of the deployment's domain (global stack, when the primary is on Azure).</summary>
public sealed class AzureDnsZone : Component
{
    public AzureDnsZone(IConstruct scope, string name, AzureDnsZoneArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Zone = Resource("zone", AzureTypes.DnsZone, Value.Map(
            ("zoneName", args.Domain.TrimEnd('.')),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", "global"),
            ("zoneType", "Public"),
            ("tags", MapValue.Of(args.Tags))),
            new ResourceOptions { Protect = true });
    }

    public Resource Zone { get; }

    public Value ZoneId => Zone.Output("id");

    public Value NameServers => Zone.Output("nameServers");
}
