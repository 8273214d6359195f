using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Dns;

/// <summary>
/// The Route 53 public hosted zone of the deployment's domain. A created zone is protected (deleting it would
/// take the whole service off the internet); an adopted zone is only read.
/// </summary>
public sealed class HostedZone : Component
{
    public HostedZone(IConstruct scope, string name, HostedZoneArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.ExistingZoneId is { } existing)
        {
            var zone = Stack.AddVariable(LogicalName.Of(Path, "existing"), new InvokeValue(
                AwsTypes.GetZone, Value.Map(("zoneId", existing)), null, Stack.DefaultProvider("aws")));
            ZoneId = zone.Read("zoneId");
            NameServers = zone.Read("nameServers");
            return;
        }

        var created = Resource("zone", AwsTypes.Zone, Value.Map(
            ("name", args.Domain),
            ("comment", $"{args.Domain}: managed by multiregion"),
            ("forceDestroy", false)),
            new ResourceOptions { Protect = true });
        ZoneId = created.Output("zoneId");
        NameServers = created.Output("nameServers");
    }

    public Value ZoneId { get; }

    public Value NameServers { get; }
}
