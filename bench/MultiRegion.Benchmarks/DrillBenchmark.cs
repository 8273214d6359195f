using System.Globalization;
using System.Net;
using MultiRegion.Infra.Drills;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Benchmarks;

/// <summary>
/// DESIGN §7 "sandbox failover: failure → DNS answer changed ≤ interval × threshold + 250 ms (p95 over 20 drills)":
/// deploys the example to a sandbox (in a temporary copy of the project), runs <c>drills</c> failover drills of the
/// primary, and reports p50/p95 of failure → DNS changed (measured by polling DNS over UDP every 20 ms) against the
/// bound, next to what Route 53 would take with the same settings (detection interval × threshold, plus propagation
/// "generally within 60 s").
/// </summary>
public static class DrillBenchmark
{
    private static readonly TimeSpan Route53Propagation = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(TextWriter output, int drills = 20)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(drills, 1);
        var inv = CultureInfo.InvariantCulture;
        var settings = SandboxSettings.Demo;
        var project = CopyProject();
        try
        {
            await using var session = await SandboxSession.StartAsync(project, settings, TextWriter.Null, writeState: false);
            await session.Host.WaitUntilSettledAsync(settings.SettleTimeout);
            var status = await session.Host.StatusAsync();
            var primary = session.Host.Topology.Primary.Id;
            var drill = new DrillSettings(
                primary,
                EndpointFailureMode.Http503,
                new IPEndPoint(IPAddress.Parse(status.DnsHost), status.DnsPort),
                status.Service,
                settings.Interval,
                settings.FailureThreshold,
                session.Paths.ReportsDirectory);
            output.WriteLine(string.Create(inv, $"sandbox failover drills: {drills} × {primary} (503); {settings.Describe()}; DNS polled over UDP every {drill.PollInterval.TotalMilliseconds:0} ms"));
            var outcomes = await DrillCampaign.RunAsync(session.Host, drill, session.History, drills, TextWriter.Null);

            var results = outcomes.Select(o => o.Result).ToList();
            var failovers = results.Where(r => r.Failover is not null).Select(r => r.Failover!.Value).ToList();
            var detections = results.Where(r => r.Detection is not null).Select(r => r.Detection!.Value).ToList();
            var failbacks = results.Where(r => r.Failback is not null).Select(r => r.Failback!.Value).ToList();
            var p95 = Percentile.Of(failovers, 95);
            output.WriteLine(string.Create(inv, $"  drills passed:            {results.Count(r => r.Success)}/{drills}"));
            output.WriteLine($"  failure → DNS changed:    p50 {DrillResult.Ms(Percentile.Of(failovers, 50))}, p95 {DrillResult.Ms(p95)}, max {DrillResult.Ms(failovers.Count == 0 ? null : failovers.Max())}");
            output.WriteLine($"  target (interval × threshold + 250 ms): ≤ {DrillResult.Ms(drill.Bound)} at p95 → {(p95 is { } v && v <= drill.Bound && failovers.Count == drills ? "met" : "NOT met")}");
            output.WriteLine($"  detection (checker):      p50 {DrillResult.Ms(Percentile.Of(detections, 50))}, p95 {DrillResult.Ms(Percentile.Of(detections, 95))}");
            output.WriteLine($"  restore → DNS back:       p50 {DrillResult.Ms(Percentile.Of(failbacks, 50))}, p95 {DrillResult.Ms(Percentile.Of(failbacks, 95))}");
            var route53Detection = settings.Interval * settings.FailureThreshold;
            output.WriteLine(string.Create(inv, $"  Route 53, same settings:  detection {route53Detection.TotalSeconds:0.0} s (interval × threshold) + propagation \"generally within 60 s\" → up to {(route53Detection + Route53Propagation).TotalSeconds:0.0} s"));
            output.WriteLine("                            (Route 53 health checks only run every 10 s or 30 s: fast 10 s × 3 = 30 s + 60 s = 90 s; standard 30 s × 3 = 90 s + 60 s = 150 s)");
            output.WriteLine($"  reports: {session.Paths.ReportsDirectory}");
        }
        finally
        {
            output.WriteLine($"  (project copy: {project})");
        }
    }

    /// <summary>A copy of the repository's Pulumi.yaml and stacks/ in a temporary folder, so the benchmark's state, history and reports stay out of the repository.</summary>
    private static string CopyProject()
    {
        var root = FindProject();
        var copy = Path.Combine(Path.GetTempPath(), "multiregion-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(copy, "stacks"));
        File.Copy(Path.Combine(root, "Pulumi.yaml"), Path.Combine(copy, "Pulumi.yaml"));
        foreach (var file in Directory.GetFiles(Path.Combine(root, "stacks"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(copy, "stacks", Path.GetFileName(file)));
        }

        return copy;
    }

    private static string FindProject()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "stacks")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("no Pulumi.yaml with a stacks/ folder above the current folder or the benchmark's binaries");
    }
}
