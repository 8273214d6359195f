using System.Globalization;
using System.Text;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Infra.Drills;

/// <summary>Writes a drill's report: Markdown (numbers, events, answers) next to its SVG timeline.</summary>
public static class DrillReportWriter
{
    /// <summary>The report's path for a drill (the SVG has the same name with .svg).</summary>
    public static string PathFor(string directory, DrillResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var stamp = result.Started.UtcDateTime.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        return System.IO.Path.Combine(System.IO.Path.GetFullPath(directory), $"drill-{result.Region}-{stamp}.md");
    }

    /// <summary>Writes the Markdown and the SVG; returns the Markdown's path.</summary>
    public static string Write(string markdownPath, DrillResult result, long? historyId, string? historyPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(markdownPath)!);
        var svgPath = System.IO.Path.ChangeExtension(markdownPath, ".svg");
        File.WriteAllText(svgPath, DrillTimelineSvg.Render(result));
        File.WriteAllText(markdownPath, Markdown(result, System.IO.Path.GetFileName(svgPath), historyId, historyPath));
        return markdownPath;
    }

    public static string Markdown(DrillResult result, string svgFileName, long? historyId, string? historyPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        string T(DateTimeOffset? at) => at is { } a ? a.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + " UTC" : "—";

        Line($"# Failover drill: {result.Region} ({(result.Success ? "passed" : "FAILED")})");
        Line();
        Line(string.Create(CultureInfo.InvariantCulture, $"- failure: {(result.Mode == EndpointFailureMode.Stop ? "endpoint stopped (connections refused)" : "endpoint answers 503")}, injected {result.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff} UTC"));
        Line($"- service: `{result.Name}`, DNS polled over UDP at `{result.DnsServer}` ({result.DnsPolls} queries)");
        Line(string.Create(CultureInfo.InvariantCulture, $"- checker: interval {result.Interval.TotalMilliseconds:0} ms, failure threshold {result.FailureThreshold}; bound = interval × threshold + 250 ms = {result.Bound.TotalMilliseconds:0} ms"));
        Line($"- answer before: {result.Baseline.Describe(result.Targets)}");
        Line($"- answer during: {result.FailoverAnswer?.Describe(result.Targets) ?? (result.RegionWasActive ? "unchanged (no failover observed)" : "unchanged (the region was not in the answer)")}");
        if (result.ExpectedFailoverRegion is not null)
        {
            Line($"- expected during: {result.ExpectedFailoverRegion} (the next-priority healthy region)");
        }

        if (historyId is not null)
        {
            Line($"- history: drill #{historyId}{(historyPath is null ? string.Empty : $" in `{historyPath}`")}");
        }

        Line();
        Line("| measure | from | to | duration |");
        Line("|---|---|---|---:|");
        Line($"| detection (checker marks {result.Region} offline) | failure injected | {T(result.Detected)} | {DrillResult.Ms(result.Detection)} |");
        Line($"| failover (DNS answer changed) | failure injected | {T(result.DnsChanged)} | {DrillResult.Ms(result.Failover)} |");
        Line($"| recovery (checker marks {result.Region} healthy) | failure removed | {T(result.Recovered)} | {DrillResult.Ms(result.Recovery)} |");
        Line($"| fail-back (DNS answer back) | failure removed | {T(result.FailbackDns)} | {DrillResult.Ms(result.Failback)} |");
        Line();
        Line(result.WithinBound switch
        {
            true => $"Failover took {DrillResult.Ms(result.Failover)}, within the bound of {DrillResult.Ms(result.Bound)}.",
            false => $"Failover took {DrillResult.Ms(result.Failover)}, **over** the bound of {DrillResult.Ms(result.Bound)}.",
            null => "No failover was measured.",
        });
        Line();
        if (result.Problems.Count > 0)
        {
            Line("## Problems");
            Line();
            foreach (var problem in result.Problems)
            {
                Line($"- {problem}");
            }

            Line();
        }

        Line("## Timeline");
        Line();
        Line($"![timeline]({svgFileName})");
        Line();
        Line("| time | offset | event |");
        Line("|---|---:|---|");
        foreach (var (at, text) in Events(result))
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"| {T(at)} | {(at - result.Started).TotalMilliseconds:+0.0;-0.0;0.0} ms | {text} |"));
        }

        return md.ToString();
    }

    /// <summary>Every event of the drill in time order: injections, health transitions and answer changes.</summary>
    public static IReadOnlyList<(DateTimeOffset At, string Text)> Events(DrillResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var list = new List<(DateTimeOffset At, string Text)>
        {
            (result.Started, $"failure injected into {result.Region}"),
        };
        if (result.Restored is { } restored)
        {
            list.Add((restored, $"failure removed from {result.Region}"));
        }

        list.AddRange(result.RegionStates.Where(s => s.At > result.WindowStart).Select(s => (s.At, $"{s.Region} → {s.Health.ToLowerInvariant()} ({s.Reason})")));
        list.AddRange(result.DnsSamples.Skip(1).Select(s => (s.At, $"DNS answer: {s.Answer.Describe(result.Targets)}")));
        return [.. list.OrderBy(e => e.At)];
    }
}
