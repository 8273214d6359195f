using System.Text.Json;
using MultiRegion.Health.Dns.Embedded;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.Observability;
using MultiRegion.Health.Tests.Support;

namespace MultiRegion.Health.Tests.Observability;

public sealed class StatusServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_and_metrics_are_served_over_http()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Fixtures.Start);
        var probe = new ScriptedProbe(time);
        var store = new EmbeddedZoneStore();
        store.AddZone("example.com.");
        var service = Fixtures.Service(RoutingPolicyKind.Failover, Fixtures.Region("eu", "192.0.2.10", 2), Fixtures.Region("us", "192.0.2.20", 1));
        using var checker = new HealthChecker(service, Fixtures.Fast(), probe, new EmbeddedDnsProvider(store, "me"), null, time);
        var metrics = new HealthMetrics();
        checker.AddObserver(metrics);
        await checker.RunOnceAsync(cancellationToken: Ct);
        probe.Down("eu");
        await checker.RunOnceAsync(cancellationToken: Ct);
        await checker.RunOnceAsync(cancellationToken: Ct);

        await using var server = StatusServer.Start(checker, metrics);
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("/status", UriKind.Relative), Ct));
        Assert.Equal("app.example.com.", status.RootElement.GetProperty("service").GetString());
        Assert.Equal("us", status.RootElement.GetProperty("activeRegions")[0].GetString());
        var eu = status.RootElement.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("region").GetString() == "eu");
        Assert.Equal("offline", eu.GetProperty("health").GetString());
        Assert.False(eu.GetProperty("lastProbe").GetProperty("success").GetBoolean());
        Assert.Equal("192.0.2.20", status.RootElement.GetProperty("answer")[0].GetProperty("values")[0].GetString());

        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Contains("multiregion_region_up{region=\"eu\",health=\"offline\",drained=\"false\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("multiregion_region_up{region=\"us\",health=\"healthy\",drained=\"false\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("multiregion_dns_changes_total 2", text, StringComparison.Ordinal);
        Assert.Contains("multiregion_failovers_total 1", text, StringComparison.Ordinal);
        Assert.Contains("multiregion_probe_latency_seconds_bucket{region=\"eu\",le=\"+Inf\"} 3", text, StringComparison.Ordinal);
        Assert.Contains("multiregion_schedule_lag_seconds{quantile=\"0.99\"}", text, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/nope", UriKind.Relative), Ct)).StatusCode);
    }
}
