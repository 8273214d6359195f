using System.Text;
using MultiRegion.Health.Dns;
using MultiRegion.Health.Dns.Rfc2136;
using MultiRegion.Health.Tests.Support;

namespace MultiRegion.Health.Tests.Dns;

public sealed class Rfc2136DnsProviderTests
{
    private const string Zone = "bind.example.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Failover_and_recovery_through_bind_dynamic_updates_signed_with_tsig()
    {
        await using var bind = await BindServer.StartAsync(Zone, Ct);
        var provider = new Rfc2136DnsProvider(bind.EndPoint, TsigKey.FromBindKeyFile(bind.KeyFile), "test-owner");

        await FailoverScenario.RunAsync(provider, Zone, name => DnsQuery.AddressesAsync(bind.Port, name), Ct);
    }

    [Fact]
    public async Task Wrong_tsig_secret_is_rejected_and_not_leaked_and_foreign_records_are_untouched()
    {
        await using var bind = await BindServer.StartAsync(Zone, Ct);
        var name = "web." + Zone;
        var other = new Rfc2136DnsProvider(bind.EndPoint, bind.Key, "someone-else");
        await other.ApplyAsync(DnsChangeSet.Between(Zone, name, [], [new DnsRecordSet(name, DnsRecordType.A, 30, ["203.0.113.5"])]), Ct);

        var mine = new Rfc2136DnsProvider(bind.EndPoint, bind.Key, "me");
        await Assert.ThrowsAsync<ForeignRecordException>(() => mine.ApplyAsync(DnsChangeSet.Between(Zone, name, [], [new DnsRecordSet(name, DnsRecordType.A, 30, ["192.0.2.1"])]), Ct));

        var secret = Convert.ToBase64String(Encoding.ASCII.GetBytes("definitely-not-the-right-secret!"));
        var badKey = new TsigKey(bind.Key.Name, "hmac-sha256", Convert.FromBase64String(secret));
        var forged = new Rfc2136DnsProvider(bind.EndPoint, badKey, "me", TimeSpan.FromSeconds(2));
        var fresh = "new." + Zone;
        var ex = await Assert.ThrowsAsync<DnsProviderException>(() => forged.ApplyAsync(DnsChangeSet.Between(Zone, fresh, [], [new DnsRecordSet(fresh, DnsRecordType.A, 30, ["192.0.2.1"])]), Ct));
        Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, badKey.ToString(), StringComparison.Ordinal);
        Assert.Empty(await DnsQuery.AddressesAsync(bind.Port, fresh));
        Assert.Equal(["203.0.113.5"], await DnsQuery.AddressesAsync(bind.Port, name));
    }

    [Theory]
    [InlineData("", "no key")]
    [InlineData("key \"k\" { algorithm hmac-sha256; secret \"@@@\"; };", "not base64")]
    [InlineData("key \"k\" { algorithm rot13; secret \"YWJj\"; };", "rot13")]
    public void Bad_key_files_get_one_clear_message(string text, string expected)
    {
        var ex = Assert.Throws<Health.HealthConfigurationException>(() => TsigKey.Parse(text, "k.key"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
