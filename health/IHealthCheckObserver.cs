using MultiRegion.Health.Probing;
using MultiRegion.Health.Regions;

namespace MultiRegion.Health;

/// <summary>Watches the checker (drills, metrics, logs). Every method has an empty default.</summary>
public interface IHealthCheckObserver
{
    void OnProbeTick(ProbeTickResult tick)
    {
    }

    void OnTransition(HealthTransition transition)
    {
    }

    void OnCycle(CheckCycleResult cycle)
    {
    }

    void OnFailover(FailoverEvent failover)
    {
    }
}

/// <summary>The published answer moved from one set of regions to another.</summary>
public sealed record FailoverEvent(
    string Service,
    IReadOnlyList<string> From,
    IReadOnlyList<string> To,
    string Reason,
    DateTimeOffset Started,
    DateTimeOffset Completed,
    bool Success,
    string? Error)
{
    public TimeSpan Duration => Completed - Started;
}
