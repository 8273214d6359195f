namespace MultiRegion.Health.Routing;

/// <summary>Turns region health into the desired record sets. Pure: no I/O, no clock.</summary>
public interface IRoutingPolicy
{
    string Name { get; }

    RoutingDecision Decide(RoutingContext context);
}
