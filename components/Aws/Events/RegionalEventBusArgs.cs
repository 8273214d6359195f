namespace MultiRegion.Components.Aws.Events;

/// <summary>Inputs of <see cref="RegionalEventBus"/>: the bus name (unique per region and account).</summary>
public sealed record RegionalEventBusArgs(string BusName)
{
    public string Description { get; init; } = "application events of the region";
}
