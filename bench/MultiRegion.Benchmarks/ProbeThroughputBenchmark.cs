using System.Diagnostics;
using System.Globalization;
using MultiRegion.Health;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.Probing;

namespace MultiRegion.Benchmarks;

/// <summary>
/// Target: ≥ 5,000 endpoints probed per 1 s interval on 2 cores with p99 schedule lag &lt; 100 ms and bounded memory.
/// The endpoints are distinct URLs on a keep-alive HTTP server in a second process on loopback.
/// </summary>
internal static class ProbeThroughputBenchmark
{
    public static async Task RunAsync(TextWriter output, int endpoints = 5000, int ticks = 10)
    {
        using var server = StartServer(ports: 20);
        var ports = (await server.StandardOutput.ReadLineAsync())!.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var targets = Enumerable.Range(0, endpoints)
            .Select(i => new RegionEndpoint($"r{i}", new Uri($"http://127.0.0.1:{ports[i % ports.Length]}/healthz/{i}"), "192.0.2.1", 1000 - (i % 1000)))
            .ToArray();
        var options = new HealthCheckOptions { Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMilliseconds(800), MaxConcurrentProbes = 1024 };

        foreach (var spread in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(700) })
        {
            using var probe = new HttpHealthProbe(options);
            var scheduler = new ProbeScheduler(probe, options);
            await scheduler.RunAsync(targets, 2, spread: spread); // warm-up: connections, JIT
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var summary = await scheduler.RunAsync(targets, ticks, spread: spread);
            var after = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"probes: {endpoints} endpoints × {summary.Ticks} ticks of 1 s, spread {spread.TotalMilliseconds:F0} ms: {summary.Successes}/{summary.Probes} ok, schedule lag p50 {summary.Lag.P50.TotalMilliseconds:F1} ms, p99 {summary.Lag.P99.TotalMilliseconds:F1} ms, max {summary.Lag.Max.TotalMilliseconds:F1} ms; longest tick {summary.MaxTickDuration.TotalMilliseconds:F0} ms; managed heap {before / 1_048_576} → {after / 1_048_576} MiB, peak working set {process.PeakWorkingSet64 / 1_048_576} MiB (target ≥ 5000/s, p99 < 100 ms)"));
        }

        server.Kill(entireProcessTree: true);
    }

    private static Process StartServer(int ports)
    {
        var self = Environment.ProcessPath!;
        var arguments = self.EndsWith("dotnet", StringComparison.Ordinal)
            ? new[] { typeof(ProbeThroughputBenchmark).Assembly.Location, "probe-server", ports.ToString(CultureInfo.InvariantCulture) }
            : ["probe-server", ports.ToString(CultureInfo.InvariantCulture)];
        return Process.Start(new ProcessStartInfo(self, arguments) { RedirectStandardOutput = true })!;
    }
}
