using MultiRegion.Health.History;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Infra.Drills;

/// <summary>
/// Runs one or more drills in a row against a sandbox; for each writes the report (Markdown + SVG) and the history
/// entry, and prints one line per measure. With several drills, prints p50/p95 of failure → DNS changed.
/// </summary>
public static class DrillCampaign
{
    public static async Task<IReadOnlyList<DrillOutcome>> RunAsync(
        ISandboxControl control,
        DrillSettings settings,
        HealthHistory? history,
        int count,
        TextWriter log,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var runner = new DrillRunner(control);
        var outcomes = new List<DrillOutcome>();
        for (var i = 0; i < count; i++)
        {
            if (count > 1)
            {
                log.WriteLine($"drill {i + 1}/{count}");
            }

            var result = await runner.RunAsync(settings, log, cancellationToken).ConfigureAwait(false);
            var reportPath = DrillReportWriter.PathFor(settings.ReportDirectory, result);
            if (File.Exists(reportPath))
            {
                reportPath = Path.ChangeExtension(reportPath, null) + $"-{i + 1}.md";
            }

            var entry = history is null ? null : DrillRecorder.Record(history, result, reportPath);
            DrillReportWriter.Write(reportPath, result, entry?.Id, history?.Path);
            outcomes.Add(new DrillOutcome(result, entry, reportPath));
            log.WriteLine($"  {(result.Success ? "passed" : "FAILED")}: detection {DrillResult.Ms(result.Detection)}, failover {DrillResult.Ms(result.Failover)} (bound {DrillResult.Ms(result.Bound)}), fail-back {DrillResult.Ms(result.Failback)}");
            foreach (var problem in result.Problems)
            {
                log.WriteLine($"  problem: {problem}");
            }

            log.WriteLine($"  report: {reportPath}");
        }

        if (count > 1)
        {
            var failovers = outcomes.Where(o => o.Result.Failover is not null).Select(o => o.Result.Failover!.Value).ToList();
            log.WriteLine($"{outcomes.Count(o => o.Result.Success)}/{count} drills passed; failure → DNS changed: p50 {DrillResult.Ms(Percentile.Of(failovers, 50))}, p95 {DrillResult.Ms(Percentile.Of(failovers, 95))}, max {DrillResult.Ms(failovers.Count == 0 ? null : failovers.Max())} (bound {DrillResult.Ms(settings.Bound)})");
        }

        return outcomes;
    }
}
