using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MultiRegion.Health.History;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Drills;
using MultiRegion.Infra.Tests.Sandbox;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Drills;

/// <summary>The drill report (Markdown + SVG) agrees with the history entry, to the printed digit.</summary>
[Collection(SandboxCollection.Name)]
public sealed partial class DrillReportTests
{
    [Fact]
    public async Task The_reports_numbers_equal_the_history_entrys_and_the_svg_is_a_timeline()
    {
        using var project = new TempProject();
        var reports = Path.Combine(project.Directory, "reports");
        var run = await CliRunner.RunAsync("--project", project.Directory, "drill", "--region", "us-east-1", "--mode", "stop", "--count", "2",
            "--interval", "300ms", "--threshold", "2", "--report-dir", reports);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("2/2 drills passed; failure → DNS changed: p50 ", run.Out, StringComparison.Ordinal);

        using var history = HealthHistory.Open(project.HistoryFile);
        var entries = history.Drills();
        Assert.Equal(2, entries.Count);
        foreach (var entry in entries)
        {
            Assert.NotNull(entry.ReportPath);
            var markdown = await File.ReadAllTextAsync(entry.ReportPath!, TestContext.Current.CancellationToken);
            Assert.Equal(Ms(entry.Detected - entry.Started), Row(markdown, "detection"));
            Assert.Equal(Ms(entry.DnsChanged - entry.Started), Row(markdown, "failover"));
            Assert.Equal(Ms(entry.FailbackDns - entry.Restored), Row(markdown, "fail-back"));
            Assert.Contains($"drill #{entry.Id}", markdown, StringComparison.Ordinal);
            Assert.Contains("(passed)", markdown, StringComparison.Ordinal);
            Assert.Contains("endpoint stopped", markdown, StringComparison.Ordinal);

            var svg = XDocument.Load(Path.ChangeExtension(entry.ReportPath!, ".svg"));
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ns + "svg", svg.Root!.Name);
            var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
            foreach (var lane in new[] { "us-east-1", "us-west-2", "eu-central-1", "ap-southeast-1", "DNS answer" })
            {
                Assert.Contains(lane, texts);
            }

            Assert.Contains(texts, t => t.StartsWith("failure injected", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.StartsWith("DNS changed", StringComparison.Ordinal));
            Assert.Contains(svg.Descendants(ns + "rect"), r => (string?)r.Attribute("fill") == "#d64541"); // the offline segment
            Assert.Contains(Ms(entry.DnsChanged - entry.Started).Replace(" ms", string.Empty, StringComparison.Ordinal), texts.First(t => t.StartsWith("failover ", StringComparison.Ordinal)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Durations_are_printed_from_the_instants_with_one_decimal()
    {
        Assert.Equal("1234.5 ms", DrillResult.Ms(TimeSpan.FromTicks(12_345_449)));
        Assert.Equal("—", DrillResult.Ms(null));
    }

    private static string Ms(TimeSpan? duration) => DrillResult.Ms(duration);

    private static string Row(string markdown, string measure)
    {
        var line = markdown.Split('\n').Single(l => l.StartsWith($"| {measure} (", StringComparison.Ordinal));
        var match = LastCell().Match(line);
        Assert.True(match.Success, line);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"\| ([0-9.]+ ms|—) \|$", RegexOptions.CultureInvariant)]
    private static partial Regex LastCell();
}
