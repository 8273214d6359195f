using System.Net;
using Microsoft.Extensions.Time.Testing;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.Probing;
using MultiRegion.Health.Tests.Support;

namespace MultiRegion.Health.Tests.Probing;

public sealed class HttpHealthProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_is_success_and_503_is_failure_with_status_and_latency()
    {
        using var endpoint = new LoopbackHttpEndpoint();
        using var probe = new HttpHealthProbe(Fixtures.Fast());
        var region = Fixtures.Region("eu", "192.0.2.1", url: endpoint.HealthUrl);

        var ok = await probe.ProbeAsync(region, Ct);
        endpoint.StatusCode = 503;
        var down = await probe.ProbeAsync(region, Ct);

        Assert.True(ok.Success);
        Assert.Equal(200, ok.StatusCode);
        Assert.True(ok.Latency > TimeSpan.Zero);
        Assert.False(down.Success);
        Assert.Equal(503, down.StatusCode);
        Assert.Equal("HTTP 503", down.Error);
    }

    [Fact]
    public async Task Body_match_and_refused_connections_are_failures_not_exceptions()
    {
        using var endpoint = new LoopbackHttpEndpoint();
        using var probe = new HttpHealthProbe(Fixtures.Fast() with { ExpectedBodyContains = "healthy" });
        var region = Fixtures.Region("eu", "192.0.2.1", url: endpoint.HealthUrl);

        var wrongBody = await probe.ProbeAsync(region, Ct);
        Assert.False(wrongBody.Success);
        Assert.Contains("healthy", wrongBody.Error, StringComparison.Ordinal);

        var closedPort = Health.Dns.Embedded.FreePort.ForTcp(IPAddress.Loopback);
        var refused = await probe.ProbeAsync(Fixtures.Region("x", "192.0.2.2", url: new Uri($"http://127.0.0.1:{closedPort}/")), Ct);
        Assert.False(refused.Success);
        Assert.Null(refused.StatusCode);
        Assert.NotNull(refused.Error);
    }

    [Fact]
    public async Task A_hanging_endpoint_times_out_after_the_probe_timeout()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start(); // accepts connections, never answers
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var probe = new HttpHealthProbe(Fixtures.Fast() with { Timeout = TimeSpan.FromMilliseconds(200) });

        var result = await probe.ProbeAsync(Fixtures.Region("slow", "192.0.2.3", url: new Uri($"http://127.0.0.1:{port}/")), Ct);

        Assert.False(result.Success);
        Assert.StartsWith("timeout after 200 ms", result.Error, StringComparison.Ordinal);
        Assert.True(result.Latency < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Scheduler_probes_everything_concurrently_and_reports_lag()
    {
        var time = new FakeTimeProvider(Fixtures.Start);
        var probe = new GateProbe(time);
        var endpoints = Enumerable.Range(0, 200).Select(i => Fixtures.Region($"r{i}", "192.0.2.1")).ToList();
        var scheduler = new ProbeScheduler(probe, Fixtures.Fast() with { MaxConcurrentProbes = 50 }, time);

        var planned = time.GetUtcNow();
        time.Advance(TimeSpan.FromMilliseconds(30)); // the tick starts 30 ms late
        var tick = await scheduler.RunTickAsync(endpoints, planned, cancellationToken: Ct);

        Assert.Equal(200, tick.ProbeCount);
        Assert.Equal(200, tick.SuccessCount);
        Assert.Equal(TimeSpan.FromMilliseconds(30), tick.Lag.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(30), tick.Lag.P99);
        Assert.Equal(200, tick.Lag.Count);
        Assert.True(probe.MaxInFlight is > 1 and <= 50, $"in flight {probe.MaxInFlight}");
    }

    [Fact]
    public async Task Spread_rounds_plan_each_probe_within_the_interval_and_measure_lag_against_its_own_slot()
    {
        var time = new FakeTimeProvider(Fixtures.Start);
        var probe = new GateProbe(time);
        var endpoints = Enumerable.Range(0, 10).Select(i => Fixtures.Region($"r{i}", "192.0.2.1")).ToList();
        var scheduler = new ProbeScheduler(probe, Fixtures.Fast() with { Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMilliseconds(500) }, time);

        var run = scheduler.RunAsync(endpoints, ticks: 2, spread: TimeSpan.FromMilliseconds(500), cancellationToken: Ct);
        for (var i = 0; i < 10_000 && !run.IsCompleted; i++)
        {
            await Task.Delay(1, Ct);
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        var summary = await run;
        Assert.Equal((2, 20, 20), (summary.Ticks, summary.Probes, summary.Successes));
        Assert.True(summary.Lag.Max <= TimeSpan.FromMilliseconds(40), summary.Lag.ToString());
        Assert.Throws<HealthConfigurationException>(() => scheduler.RunAsync(endpoints, 1, spread: TimeSpan.FromSeconds(5), cancellationToken: Ct).GetAwaiter().GetResult());
    }

    [Fact]
    public void Lag_percentiles_are_nearest_rank()
    {
        var stats = ScheduleLagStatistics.From(Enumerable.Range(1, 100).Select(i => TimeSpan.FromMilliseconds(i)));
        Assert.Equal((50, 99, 100), ((int)stats.P50.TotalMilliseconds, (int)stats.P99.TotalMilliseconds, (int)stats.Max.TotalMilliseconds));
        Assert.Equal(ScheduleLagStatistics.Empty, ScheduleLagStatistics.From([]));
    }

    private sealed class GateProbe(TimeProvider time) : IHealthProbe
    {
        private int inFlight;

        public int MaxInFlight;

        public async Task<ProbeResult> ProbeAsync(RegionEndpoint endpoint, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref MaxInFlight, now);
            await Task.Delay(2, cancellationToken);
            Interlocked.Decrement(ref inFlight);
            return new ProbeResult(endpoint.RegionId, true, 200, TimeSpan.FromMilliseconds(2), null, time.GetUtcNow());
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
