using MultiRegion.Health.Endpoints;

namespace MultiRegion.Health.Probing;

/// <summary>
/// Probes every endpoint concurrently (bounded by <see cref="HealthCheckOptions.MaxConcurrentProbes"/>) once per
/// interval, and measures schedule lag = actual probe start − planned tick start on the injected clock.
/// </summary>
public sealed class ProbeScheduler
{
    private readonly IHealthProbe probe;
    private readonly HealthCheckOptions options;
    private readonly TimeProvider time;

    public ProbeScheduler(IHealthProbe probe, HealthCheckOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(options);
        this.probe = probe;
        this.options = options.EnsureValid();
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Probes all endpoints once; <paramref name="plannedStart"/> defaults to now. With <paramref name="spread"/> &gt; 0,
    /// endpoint i is planned at plannedStart + spread × i / N (smooth load for large fleets) and its lag is measured
    /// against its own planned start; with zero spread every probe is planned at the tick start.
    /// </summary>
    public async Task<ProbeTickResult> RunTickAsync(IReadOnlyList<RegionEndpoint> endpoints, DateTimeOffset? plannedStart = null, TimeSpan spread = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var planned = plannedStart ?? time.GetUtcNow();
        var results = new ProbeResult[endpoints.Count];
        var lags = new TimeSpan[endpoints.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, Math.Min(options.MaxConcurrentProbes, endpoints.Count)),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, endpoints.Count), parallel, async (i, ct) =>
        {
            var own = spread > TimeSpan.Zero ? planned + (spread * i / endpoints.Count) : planned;
            var wait = own - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }

            var lag = time.GetUtcNow() - own;
            lags[i] = lag < TimeSpan.Zero ? TimeSpan.Zero : lag;
            ProbeResult result;
            try
            {
                result = await probe.ProbeAsync(endpoints[i], ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                result = new ProbeResult(endpoints[i].RegionId, false, null, TimeSpan.Zero, "probe error: " + ex.Message, time.GetUtcNow());
            }

            results[i] = result;
        }).ConfigureAwait(false);
        return new ProbeTickResult(planned, results, ScheduleLagStatistics.From(lags), time.GetUtcNow() - planned) { Lags = lags };
    }

    /// <summary>
    /// Runs <paramref name="ticks"/> rounds (0 = until cancelled), one per interval on the injected clock,
    /// calling <paramref name="onTick"/> after each; returns the aggregate (benchmark entry point).
    /// <paramref name="spread"/> spreads each round's probes over that part of the interval (see <see cref="RunTickAsync"/>).
    /// </summary>
    public async Task<ProbeRunSummary> RunAsync(IReadOnlyList<RegionEndpoint> endpoints, int ticks, Func<ProbeTickResult, Task>? onTick = null, TimeSpan spread = default, CancellationToken cancellationToken = default)
    {
        if (spread < TimeSpan.Zero || spread >= options.Interval)
        {
            throw new HealthConfigurationException($"spread: {spread} must be at least zero and shorter than Interval ({options.Interval})");
        }

        ArgumentNullException.ThrowIfNull(endpoints);
        var allLags = new List<TimeSpan>();
        int done = 0, probes = 0, successes = 0;
        var maxDuration = TimeSpan.Zero;
        var next = time.GetUtcNow();
        using var timer = new PeriodicTimer(options.Interval, time);
        while (ticks == 0 || done < ticks)
        {
            var tick = await RunTickAsync(endpoints, next, spread, cancellationToken).ConfigureAwait(false);
            done++;
            probes += tick.ProbeCount;
            successes += tick.SuccessCount;
            allLags.AddRange(tick.Lags);
            maxDuration = tick.Duration > maxDuration ? tick.Duration : maxDuration;
            if (onTick is not null)
            {
                await onTick(tick).ConfigureAwait(false);
            }

            if (ticks != 0 && done >= ticks)
            {
                break;
            }

            try
            {
                if (!await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }

            next += options.Interval;
            var now = time.GetUtcNow();
            if (now - next > options.Interval)
            {
                next = now; // fell more than a whole interval behind: skip missed rounds instead of bursting
            }
        }

        return new ProbeRunSummary(done, probes, successes, ScheduleLagStatistics.From(allLags), maxDuration);
    }
}
