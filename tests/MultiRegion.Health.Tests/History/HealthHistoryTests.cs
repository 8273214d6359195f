using MultiRegion.Health.History;
using MultiRegion.Health.Regions;
using MultiRegion.Health.Tests.Support;

namespace MultiRegion.Health.Tests.History;

public sealed class HealthHistoryTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("mr-history-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public void Transitions_failovers_changes_and_drills_persist_and_come_back_newest_first()
    {
        var path = Path.Combine(dir.FullName, "sub", "history.db");
        var t0 = Fixtures.Start;
        using (var history = HealthHistory.Open(path))
        {
            history.RecordTransition(new HealthTransition("eu", RegionHealth.Healthy, RegionHealth.Offline, "3 consecutive failures", t0));
            history.RecordTransition(new HealthTransition("us", RegionHealth.Offline, RegionHealth.Healthy, "3 consecutive successes", t0.AddSeconds(5)));
            history.RecordTransition(new HealthTransition("eu", RegionHealth.Offline, RegionHealth.Healthy, "back", t0.AddSeconds(60)));
            history.RecordDnsChange("example.com.", "app.example.com.", "embedded", "Upsert app.example.com. 30 A 192.0.2.20", false, true, null, t0.AddSeconds(1));
            history.RecordFailover("app.example.com.", "eu", "us", "eu offline", t0, t0.AddMilliseconds(1250), true);
            history.RecordFailover("app.example.com.", "us", "eu", "eu back", t0.AddSeconds(60), null, false);
            history.RecordDrill(new DrillEntry(0, "eu", t0, t0.AddSeconds(3), t0.AddSeconds(4), t0.AddSeconds(10), t0.AddSeconds(14), true, "/tmp/report.md", """{"p95":1.2}"""));
        }

        using var reopened = HealthHistory.Open(path);
        var transitions = reopened.Transitions();
        Assert.Equal(3, transitions.Count);
        Assert.Equal("back", transitions[0].Reason);
        Assert.Equal(t0.AddSeconds(60), transitions[0].At);
        Assert.Single(reopened.Transitions(limit: 1));
        Assert.Equal(2, reopened.Transitions(regionId: "eu").Count);
        Assert.Equal(RegionHealth.Healthy, reopened.LatestTransitionByRegion()["eu"].To);

        var failovers = reopened.Failovers();
        Assert.False(failovers[0].Success);
        Assert.Null(failovers[0].Duration);
        Assert.Equal(("eu", "us", TimeSpan.FromMilliseconds(1250)), (failovers[1].FromRegion, failovers[1].ToRegion, failovers[1].Duration!.Value));

        var change = Assert.Single(reopened.DnsChanges());
        Assert.Equal(("embedded", true, false), (change.Provider, change.Success, change.DryRun));

        var drill = Assert.Single(reopened.Drills());
        Assert.Equal(("eu", true, "/tmp/report.md"), (drill.RegionId, drill.Success, drill.ReportPath));
        Assert.Equal(t0.AddSeconds(14), drill.FailbackDns);
        Assert.Contains("p95", drill.DetailsJson, StringComparison.Ordinal);
    }
}
