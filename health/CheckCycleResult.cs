using MultiRegion.Health.Dns;
using MultiRegion.Health.Probing;
using MultiRegion.Health.Regions;
using MultiRegion.Health.Routing;

namespace MultiRegion.Health;

/// <summary>What one checker cycle did with DNS.</summary>
public enum CycleOutcome
{
    /// <summary>DNS already matched the decision.</summary>
    NoChange,

    /// <summary>The change was applied through the provider.</summary>
    Applied,

    /// <summary>Dry run: the change was computed and recorded, not applied.</summary>
    DryRun,

    /// <summary>The change cap refused the change (use force).</summary>
    RefusedByChangeCap,

    /// <summary>A record at the name is not owned by this checker; nothing was touched.</summary>
    ForeignRecord,

    /// <summary>Reading the current DNS failed; nothing was changed, retried next cycle.</summary>
    ReadFailed,

    /// <summary>The provider rejected or failed the change; retried next cycle.</summary>
    ApplyFailed,
}

/// <summary>Result of <see cref="HealthChecker.RunOnceAsync"/>.</summary>
public sealed record CheckCycleResult(
    DateTimeOffset Started,
    ProbeTickResult Probes,
    IReadOnlyList<HealthTransition> Transitions,
    RoutingDecision? Decision,
    DnsChangeSet? Changes,
    CycleOutcome Outcome,
    string? Error)
{
    public bool ChangedDns => Outcome == CycleOutcome.Applied;
}
