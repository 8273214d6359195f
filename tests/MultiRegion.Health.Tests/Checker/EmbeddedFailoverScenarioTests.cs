using System.Net;
using ARSoft.Tools.Net.Dns;
using MultiRegion.Health.Dns.Embedded;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.History;
using MultiRegion.Health.Probing;
using MultiRegion.Health.Tests.Support;
using MultiRegion.Tests;

namespace MultiRegion.Health.Tests.Checker;

/// <summary>Real HTTP endpoints, the real probe, the embedded DNS server, answers read over UDP.</summary>
public sealed class EmbeddedFailoverScenarioTests
{
    [Fact]
    public async Task Failing_primary_moves_the_answer_to_the_secondary_and_recovery_moves_it_back()
    {
        using var primary = new LoopbackHttpEndpoint();
        using var secondary = new LoopbackHttpEndpoint();
        var store = new EmbeddedZoneStore();
        store.AddZone("example.com.");
        using var server = EmbeddedDnsServer.Start(store);
        var service = Fixtures.Service(
            RoutingPolicyKind.Failover,
            Fixtures.Region("eu", "192.0.2.10", priority: 2, url: primary.HealthUrl),
            Fixtures.Region("us", "192.0.2.20", priority: 1, url: secondary.HealthUrl));
        var options = Fixtures.Fast(failures: 2, successes: 2);
        using var probe = new HttpHealthProbe(options);
        using var temp = new TempDirectory("mr-health-");
        using var history = HealthHistory.Open(temp.File("history.db"));
        using var checker = new HealthChecker(service, options, probe, new EmbeddedDnsProvider(store, "test-owner"), history);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(CycleOutcome.Applied, (await checker.RunOnceAsync(cancellationToken: ct)).Outcome);
        Assert.Equal(["192.0.2.10"], await DnsQuery.AddressesAsync(server.Port, "app.example.com."));

        primary.StatusCode = 503;
        var first = await checker.RunOnceAsync(cancellationToken: ct);
        Assert.Equal(CycleOutcome.NoChange, first.Outcome); // one failure never flips DNS
        Assert.Equal(["192.0.2.10"], await DnsQuery.AddressesAsync(server.Port, "app.example.com."));

        var second = await checker.RunOnceAsync(cancellationToken: ct);
        Assert.Equal(CycleOutcome.Applied, second.Outcome);
        Assert.Equal(["192.0.2.20"], await DnsQuery.AddressesAsync(server.Port, "app.example.com."));

        primary.StatusCode = 200;
        Assert.Equal(CycleOutcome.NoChange, (await checker.RunOnceAsync(cancellationToken: ct)).Outcome);
        Assert.Equal(CycleOutcome.Applied, (await checker.RunOnceAsync(cancellationToken: ct)).Outcome);
        Assert.Equal(["192.0.2.10"], await DnsQuery.AddressesAsync(server.Port, "app.example.com."));

        var failovers = history.Failovers();
        Assert.Equal(2, failovers.Count);
        Assert.Equal(("us", "eu"), (failovers[0].FromRegion, failovers[0].ToRegion)); // newest first
        Assert.Equal(("eu", "us"), (failovers[1].FromRegion, failovers[1].ToRegion));
        Assert.All(failovers, f => Assert.True(f.Success && f.Completed is not null && f.Duration >= TimeSpan.Zero));
        Assert.True(primary.Requests >= 5);
    }

    [Fact]
    public async Task Server_answers_soa_ns_txt_nxdomain_and_refused_over_udp_and_tcp()
    {
        var store = new EmbeddedZoneStore();
        store.AddZone("example.com.");
        using var server = EmbeddedDnsServer.Start(store);
        var provider = new EmbeddedDnsProvider(store, "owner-1");
        await provider.ApplyAsync(Health.Dns.DnsChangeSet.Between("example.com.", "app.example.com.", [], [new("app.example.com.", Health.Dns.DnsRecordType.CNAME, 30, ["lb.example.com."])]), TestContext.Current.CancellationToken);

        var soa = await DnsQuery.QueryAsync(server.Port, "example.com.", RecordType.Soa);
        Assert.True(soa.IsAuthoritiveAnswer);
        Assert.IsType<SoaRecord>(Assert.Single(soa.AnswerRecords));
        Assert.Single((await DnsQuery.QueryAsync(server.Port, "example.com.", RecordType.Ns, tcp: true)).AnswerRecords);

        var cname = await DnsQuery.QueryAsync(server.Port, "app.example.com.", RecordType.A);
        Assert.Equal("lb.example.com.", Assert.IsType<CNameRecord>(Assert.Single(cname.AnswerRecords)).CanonicalName.ToString());

        var marker = await DnsQuery.QueryAsync(server.Port, "_multiregion-owner.app.example.com.", RecordType.Txt);
        Assert.Equal("heritage=multiregion,owner=owner-1", Assert.IsType<TxtRecord>(Assert.Single(marker.AnswerRecords)).TextData);

        var missing = await DnsQuery.QueryAsync(server.Port, "nope.example.com.", RecordType.A);
        Assert.Equal(ReturnCode.NxDomain, missing.ReturnCode);
        Assert.IsType<SoaRecord>(Assert.Single(missing.AuthorityRecords));

        var noData = await DnsQuery.QueryAsync(server.Port, "example.com.", RecordType.Aaaa);
        Assert.Equal(ReturnCode.NoError, noData.ReturnCode);
        Assert.Empty(noData.AnswerRecords);

        var foreign = await DnsQuery.QueryAsync(server.Port, "example.org.", RecordType.A);
        Assert.Equal(ReturnCode.Refused, foreign.ReturnCode);
    }

    [Fact]
    public async Task Dig_gets_the_answer_from_the_embedded_server()
    {
        var dig = Requires.Executable("dig");
        var store = new EmbeddedZoneStore();
        store.AddZone("example.com.");
        using var server = EmbeddedDnsServer.Start(store, IPAddress.Loopback);
        await new EmbeddedDnsProvider(store, "o").ApplyAsync(Health.Dns.DnsChangeSet.Between("example.com.", "app.example.com.", [], [new("app.example.com.", Health.Dns.DnsRecordType.A, 30, ["192.0.2.7"])]), TestContext.Current.CancellationToken);

        var output = await ProcessRunner.RunAsync(dig, ["@127.0.0.1", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "app.example.com.", "A", "+short", "+time=2", "+tries=1"]);

        Assert.Equal("192.0.2.7", output.Trim());
    }
}
