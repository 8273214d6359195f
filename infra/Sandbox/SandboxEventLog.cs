using MultiRegion.Health;
using MultiRegion.Health.Regions;

namespace MultiRegion.Infra.Sandbox;

/// <summary>Records the checker's transitions, failovers and DNS changes (and injected failures) in memory, in order.</summary>
public sealed class SandboxEventLog : IHealthCheckObserver
{
    private readonly List<SandboxEvent> events = [];
    private readonly Lock gate = new();
    private readonly int capacity;

    public SandboxEventLog(int capacity = 10_000) => this.capacity = capacity;

    public long LastSequence
    {
        get
        {
            lock (gate)
            {
                return events.Count == 0 ? 0 : events[^1].Sequence;
            }
        }
    }

    public IReadOnlyList<SandboxEvent> After(long sequence)
    {
        lock (gate)
        {
            return [.. events.Where(e => e.Sequence > sequence)];
        }
    }

    public SandboxEvent Add(string kind, string? region, string? from, string? to, string detail, DateTimeOffset at)
    {
        lock (gate)
        {
            var next = new SandboxEvent((events.Count == 0 ? 0 : events[^1].Sequence) + 1, kind, region, from, to, detail, at);
            events.Add(next);
            if (events.Count > capacity)
            {
                events.RemoveRange(0, events.Count - capacity);
            }

            return next;
        }
    }

    public void OnTransition(HealthTransition transition) =>
        Add("transition", transition.RegionId, transition.From.ToString(), transition.To.ToString(), transition.Reason, transition.At);

    public void OnFailover(FailoverEvent failover) =>
        Add("failover", null, string.Join(",", failover.From), string.Join(",", failover.To), failover.Success ? failover.Reason : $"{failover.Reason} (failed: {failover.Error})", failover.Completed);

    public void OnCycle(CheckCycleResult cycle)
    {
        if (cycle.ChangedDns)
        {
            Add("dns", null, null, null, cycle.Changes?.ToString() ?? "changed", DateTimeOffset.UtcNow);
        }
    }
}
