using MultiRegion.Health.Dns;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.History;
using MultiRegion.Health.Probing;
using MultiRegion.Health.Regions;
using MultiRegion.Health.Routing;

namespace MultiRegion.Health;

/// <summary>
/// The checker loop: probe every region → update the state machines → decide through the policy → compare with
/// the current DNS → apply through the provider (unless dry run) → record history → notify observers.
/// On start it seeds the state machines from the current DNS answer and the history, so a restart never fails
/// over by itself: a region DNS points to is assumed healthy until FailureThreshold failures prove otherwise.
/// </summary>
public sealed class HealthChecker : IDisposable
{
    private readonly ServiceDefinition service;
    private readonly HealthCheckOptions options;
    private readonly IDnsProvider provider;
    private readonly IRoutingPolicy policy;
    private readonly HealthHistory? history;
    private readonly TimeProvider time;
    private readonly ProbeScheduler scheduler;
    private readonly ChangeLimiter limiter;
    private readonly List<IHealthCheckObserver> observers = [];
    private readonly Dictionary<string, RegionStateMachine> machines = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim cycleGate = new(1, 1);
    private volatile CheckerSnapshot snapshot;
    private bool initialized;
    private DateTimeOffset? pendingChangeSince;

    public HealthChecker(
        ServiceDefinition service,
        HealthCheckOptions options,
        IHealthProbe probe,
        IDnsProvider provider,
        HealthHistory? history = null,
        TimeProvider? timeProvider = null,
        IRoutingPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(provider);
        this.service = service;
        this.options = options.EnsureValid();
        this.provider = provider;
        this.history = history;
        time = timeProvider ?? TimeProvider.System;
        this.policy = policy ?? RoutingPolicies.Create(service.Policy);
        scheduler = new ProbeScheduler(probe, options, time);
        limiter = new ChangeLimiter(options);
        snapshot = new CheckerSnapshot(service.Service, [], [], [], null, 0, 0, null);
    }

    /// <summary>Compute and record changes without applying them.</summary>
    public bool DryRun { get; init; }

    public ServiceDefinition Service => service;

    public HealthCheckOptions Options => options;

    public IDnsProvider Provider => provider;

    public IRoutingPolicy Policy => policy;

    /// <summary>A consistent view for status pages.</summary>
    public CheckerSnapshot Snapshot => snapshot;

    public void AddObserver(IHealthCheckObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (observers)
        {
            observers.Add(observer);
        }
    }

    /// <summary>Current state of every region (after <see cref="InitializeAsync"/>).</summary>
    public IReadOnlyList<RegionStatus> Regions() =>
        [.. service.Endpoints.Select(e => machines.TryGetValue(e.RegionId, out var m) ? new RegionStatus(e, m.Health, m.IsDrained) : new RegionStatus(e, RegionHealth.Healthy))];

    /// <summary>
    /// Seeds the state machines from the current DNS answer and the history (idempotent). Throws the provider's
    /// error when the current answer cannot be read (nothing is assumed; <see cref="RunOnceAsync"/> retries).
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await cycleGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await InitializeCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            cycleGate.Release();
        }
    }

    /// <summary>Drains a region (taken out of every answer on the next cycle); persisted in the history when there is one.</summary>
    public HealthTransition? Drain(string regionId, string reason = "manual drain")
    {
        var transition = Record(Machine(regionId).Drain(reason));
        history?.RecordDrain(regionId, true, reason, time.GetUtcNow());
        return transition;
    }

    public HealthTransition? Undrain(string regionId, string reason = "manual undrain")
    {
        var transition = Record(Machine(regionId).Undrain(reason));
        history?.RecordDrain(regionId, false, reason, time.GetUtcNow());
        return transition;
    }

    /// <summary>One cycle. <paramref name="force"/> overrides the change cap.</summary>
    public async Task<CheckCycleResult> RunOnceAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        await cycleGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            CheckCycleResult result;
            try
            {
                if (!initialized)
                {
                    await InitializeCoreAsync(cancellationToken).ConfigureAwait(false);
                }

                result = await CycleAsync(force, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!initialized && (ex is ForeignRecordException || IsProviderFailure(ex, cancellationToken)))
            {
                var now = time.GetUtcNow();
                var empty = new ProbeTickResult(now, [], ScheduleLagStatistics.Empty, TimeSpan.Zero);
                result = Fail(now, empty, [], null, null, ex is ForeignRecordException ? CycleOutcome.ForeignRecord : CycleOutcome.ReadFailed, ex, "initial read");
            }

            Notify(o => o.OnCycle(result));
            return result;
        }
        finally
        {
            cycleGate.Release();
        }
    }

    /// <summary>Runs a cycle every interval until cancelled; a failing cycle is recorded and retried next interval.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(false, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The watch loop must survive any single failing cycle; the failure is reported.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                snapshot = snapshot with { LastError = ex.Message };
            }

            try
            {
                if (!await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        while (!cancellationToken.IsCancellationRequested);
    }

    public void Dispose() => cycleGate.Dispose();

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        if (initialized)
        {
            return;
        }

        // Without the current answer the checker cannot know which region is serving; it must not guess (a guess
        // could fail over or back by itself), so a failed read leaves it uninitialized and the caller retries.
        var current = await provider.ReadAsync(service.Zone, service.Service, cancellationToken).ConfigureAwait(false);

        var statuses = service.Endpoints.Select(e => new RegionStatus(e, RegionHealth.Healthy)).ToList();
        var active = RoutingRecords.ActiveRegions(statuses, current).ToHashSet(StringComparer.Ordinal);
        var latest = history?.LatestTransitionByRegion() ?? new Dictionary<string, TransitionEntry>();
        foreach (var endpoint in service.Endpoints)
        {
            RegionSeed seed;
            if (current.Count == 0 || active.Contains(endpoint.RegionId))
            {
                // Served now (or nothing published yet): healthy until FailureThreshold failures prove otherwise.
                seed = new RegionSeed(RegionHealth.Healthy);
            }
            else if (latest.TryGetValue(endpoint.RegionId, out var last))
            {
                seed = new RegionSeed(last.To, last.At);
            }
            else
            {
                // Not in the answer and no history: it must prove SuccessThreshold successes before it gets traffic.
                seed = new RegionSeed(RegionHealth.Offline);
            }

            machines[endpoint.RegionId] = new RegionStateMachine(endpoint.RegionId, options, time, seed);
        }

        SyncDrainsFromHistory();
        snapshot = snapshot with { ActiveRegions = [.. active], Answer = current, Regions = Regions() };
        initialized = true;
    }

    private async Task<CheckCycleResult> CycleAsync(bool force, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        SyncDrainsFromHistory();
        var tick = await scheduler.RunTickAsync(service.Endpoints, started, cancellationToken: cancellationToken).ConfigureAwait(false);
        Notify(o => o.OnProbeTick(tick));
        var transitions = new List<HealthTransition>();
        foreach (var result in tick.Results)
        {
            if (machines.TryGetValue(result.RegionId, out var machine) && Record(machine.Observe(result)) is { } transition)
            {
                transitions.Add(transition);
            }
        }

        var lastProbes = tick.Results.ToDictionary(r => r.RegionId, StringComparer.Ordinal);
        snapshot = snapshot with { Regions = Regions(), LastProbes = lastProbes, LastTick = tick };

        IReadOnlyList<DnsRecordSet> current;
        try
        {
            current = await provider.ReadAsync(service.Zone, service.Service, cancellationToken).ConfigureAwait(false);
        }
        catch (ForeignRecordException ex)
        {
            return Fail(started, tick, transitions, null, null, CycleOutcome.ForeignRecord, ex, "read");
        }
        catch (Exception ex) when (IsProviderFailure(ex, cancellationToken))
        {
            return Fail(started, tick, transitions, null, null, CycleOutcome.ReadFailed, ex, "read");
        }

        var regions = Regions();
        var decision = policy.Decide(new RoutingContext(service.Service, service.Ttl, regions, current));
        var desired = provider.SupportsRoutingPolicies ? decision.Records : RecordSetFlattener.Flatten(decision.Records);
        var changes = DnsChangeSet.Between(service.Zone, service.Service, current, desired, $"multiregion {policy.Name}: {decision.Reason}");
        var previousActive = RoutingRecords.ActiveRegions(regions, current);
        snapshot = snapshot with { ActiveRegions = previousActive, Answer = current };
        if (changes.IsEmpty)
        {
            pendingChangeSince = null;
            return Done(started, tick, transitions, decision, changes, CycleOutcome.NoChange, null);
        }

        var check = limiter.Check(current, changes, force);
        if (!check.Allowed)
        {
            history?.RecordDnsChange(service.Zone, service.Service, provider.Name, changes.ToString(), DryRun, false, check.Message, time.GetUtcNow());
            return Done(started, tick, transitions, decision, changes, CycleOutcome.RefusedByChangeCap, check.Message);
        }

        if (DryRun)
        {
            history?.RecordDnsChange(service.Zone, service.Service, provider.Name, changes.ToString(), true, true, null, time.GetUtcNow());
            return Done(started, tick, transitions, decision, changes, CycleOutcome.DryRun, null);
        }

        // Detection time: the first transition that led here, kept across cycles while the change is not applied.
        var detected = transitions.Count > 0 ? transitions.Min(t => t.At) : started;
        pendingChangeSince = pendingChangeSince is { } pending && pending < detected ? pending : detected;
        var failoverStarted = pendingChangeSince.Value;
        var newActive = RoutingRecords.ActiveRegions(regions, desired);
        var isFailover = current.Count > 0 && !previousActive.SequenceEqual(newActive, StringComparer.Ordinal);
        try
        {
            await provider.ApplyAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ForeignRecordException || IsProviderFailure(ex, cancellationToken))
        {
            history?.RecordDnsChange(service.Zone, service.Service, provider.Name, changes.ToString(), false, false, ex.Message, time.GetUtcNow());
            if (isFailover)
            {
                RecordFailover(previousActive, newActive, decision.Reason, failoverStarted, false, ex.Message);
            }

            return Fail(started, tick, transitions, decision, changes, ex is ForeignRecordException ? CycleOutcome.ForeignRecord : CycleOutcome.ApplyFailed, ex, "apply");
        }

        history?.RecordDnsChange(service.Zone, service.Service, provider.Name, changes.ToString(), false, true, null, time.GetUtcNow());
        pendingChangeSince = null;
        snapshot = snapshot with { ActiveRegions = newActive, Answer = desired, DnsChanges = snapshot.DnsChanges + 1 };
        if (isFailover)
        {
            RecordFailover(previousActive, newActive, decision.Reason, failoverStarted, true, null);
        }

        return Done(started, tick, transitions, decision, changes, CycleOutcome.Applied, null);
    }

    private void RecordFailover(IReadOnlyList<string> from, IReadOnlyList<string> to, string reason, DateTimeOffset started, bool success, string? error)
    {
        var completed = time.GetUtcNow();
        history?.RecordFailover(service.Service, string.Join(",", from), string.Join(",", to), error is null ? reason : reason + " (failed: " + error + ")", started, success ? completed : null, success);
        if (success)
        {
            snapshot = snapshot with { Failovers = snapshot.Failovers + 1 };
        }

        var failover = new FailoverEvent(service.Service, from, to, reason, started, completed, success, error);
        Notify(o => o.OnFailover(failover));
    }

    private static bool IsProviderFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is DnsProviderException or HttpRequestException or TimeoutException or IOException or System.Net.Sockets.SocketException or InvalidOperationException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private CheckCycleResult Fail(DateTimeOffset started, ProbeTickResult tick, List<HealthTransition> transitions, RoutingDecision? decision, DnsChangeSet? changes, CycleOutcome outcome, Exception ex, string stage)
    {
        var message = $"{stage} failed ({provider.Name}): {ex.Message}";
        snapshot = snapshot with { LastError = message };
        return new CheckCycleResult(started, tick, transitions, decision, changes, outcome, message);
    }

    private CheckCycleResult Done(DateTimeOffset started, ProbeTickResult tick, List<HealthTransition> transitions, RoutingDecision decision, DnsChangeSet changes, CycleOutcome outcome, string? error)
    {
        snapshot = snapshot with { LastError = error, LastDecision = decision };
        return new CheckCycleResult(started, tick, transitions, decision, changes, outcome, error);
    }

    /// <summary>Applies drains/undrains recorded by another process (e.g. the CLI) since the last cycle.</summary>
    private void SyncDrainsFromHistory()
    {
        if (history is null)
        {
            return;
        }

        foreach (var (region, drained) in history.DrainStates())
        {
            if (machines.TryGetValue(region, out var machine) && machine.IsDrained != drained)
            {
                Record(drained ? machine.Drain("drain recorded in history") : machine.Undrain("undrain recorded in history"));
            }
        }
    }

    private RegionStateMachine Machine(string regionId)
    {
        if (!initialized)
        {
            throw new InvalidOperationException("call InitializeAsync first");
        }

        return machines.TryGetValue(regionId, out var machine)
            ? machine
            : throw new HealthConfigurationException($"regionId: '{regionId}' is not one of {string.Join(", ", machines.Keys)}");
    }

    private HealthTransition? Record(HealthTransition? transition)
    {
        if (transition is null)
        {
            return null;
        }

        history?.RecordTransition(transition);
        Notify(o => o.OnTransition(transition));
        return transition;
    }

    private void Notify(Action<IHealthCheckObserver> action)
    {
        IHealthCheckObserver[] copy;
        lock (observers)
        {
            copy = [.. observers];
        }

        foreach (var observer in copy)
        {
            try
            {
                action(observer);
            }
#pragma warning disable CA1031 // A failing observer (metrics, drill) must never stop the checker.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                snapshot = snapshot with { LastError = $"observer {observer.GetType().Name} failed: {ex.Message}" };
            }
        }
    }
}

/// <summary>A consistent view of the checker for status pages and metrics.</summary>
public sealed record CheckerSnapshot(
    string Service,
    IReadOnlyList<RegionStatus> Regions,
    IReadOnlyList<string> ActiveRegions,
    IReadOnlyList<DnsRecordSet> Answer,
    string? LastError,
    long DnsChanges,
    long Failovers,
    RoutingDecision? LastDecision)
{
    public IReadOnlyDictionary<string, ProbeResult> LastProbes { get; init; } = new Dictionary<string, ProbeResult>();

    public ProbeTickResult? LastTick { get; init; }
}
