using MultiRegion.Health.Dns;
using MultiRegion.Health.Dns.PowerDns;
using MultiRegion.Health.Tests.Support;

namespace MultiRegion.Health.Tests.Dns;

public sealed class PowerDnsProviderTests
{
    private const string Zone = "pdns.example.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Failover_and_recovery_are_visible_through_real_pdns_queries()
    {
        await using var server = await PowerDnsServer.StartAsync(Zone, Ct);
        using var http = new HttpClient();
        var provider = new PowerDnsProvider(server.ApiUrl, server.ApiKey, "test-owner", http);

        await FailoverScenario.RunAsync(provider, Zone, name => DnsQuery.AddressesAsync(server.DnsPort, name), Ct);

        var marker = await DnsQuery.QueryAsync(server.DnsPort, "_multiregion-owner.app." + Zone, ARSoft.Tools.Net.Dns.RecordType.Txt);
        Assert.Equal("heritage=multiregion,owner=test-owner", Assert.IsType<ARSoft.Tools.Net.Dns.TxtRecord>(Assert.Single(marker.AnswerRecords)).TextData);
    }

    [Fact]
    public async Task Foreign_records_are_refused_and_errors_carry_the_pdns_message_but_not_the_key()
    {
        await using var server = await PowerDnsServer.StartAsync(Zone, Ct);
        using var http = new HttpClient();
        var other = new PowerDnsProvider(server.ApiUrl, server.ApiKey, "someone-else", http);
        var name = "web." + Zone;
        await other.ApplyAsync(DnsChangeSet.Between(Zone, name, [], [new DnsRecordSet(name, DnsRecordType.A, 30, ["203.0.113.5"])]), Ct);

        var mine = new PowerDnsProvider(server.ApiUrl, server.ApiKey, "me", http);
        await Assert.ThrowsAsync<ForeignRecordException>(() => mine.ReadAsync(Zone, name, Ct));
        await Assert.ThrowsAsync<ForeignRecordException>(() => mine.ApplyAsync(DnsChangeSet.Between(Zone, name, [], [new DnsRecordSet(name, DnsRecordType.A, 30, ["192.0.2.1"])]), Ct));
        Assert.Equal(["203.0.113.5"], await DnsQuery.AddressesAsync(server.DnsPort, name));

        var missingZone = await Assert.ThrowsAsync<DnsProviderException>(() => mine.ReadAsync("nope.example.", "a.nope.example.", Ct));
        Assert.Contains("404", missingZone.Message, StringComparison.Ordinal);

        var wrongKey = new PowerDnsProvider(server.ApiUrl, "wrong-secret-key", "me", http);
        var denied = await Assert.ThrowsAsync<DnsProviderException>(() => wrongKey.ReadAsync(Zone, name, Ct));
        Assert.Contains("401", denied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-key", denied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.ApiKey, denied.Message, StringComparison.Ordinal);
    }
}
