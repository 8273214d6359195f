using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Events;

/// <summary>
/// The region's custom EventBridge bus: applications publish here; the cross-region stack forwards the events that
/// originate in this region to the other regions' buses (<c>EventForwarding</c>). Events are encrypted at
/// rest by EventBridge with an AWS-owned key.
/// </summary>
public sealed class RegionalEventBus : Component
{
    public RegionalEventBus(IConstruct scope, string name, RegionalEventBusArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Bus = Resource("bus", AwsTypes.EventBus, Value.Map(
            ("name", args.BusName),
            ("description", args.Description)));
    }

    public Resource Bus { get; }

    public Value Arn => Bus.Output("arn");
}
