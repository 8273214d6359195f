using System.Net;
using MultiRegion.Health.Dns;
using MultiRegion.Health.Dns.Embedded;
using MultiRegion.Infra.Drills;

namespace MultiRegion.Infra.Tests.Drills;

/// <summary>The drill's DNS measuring side against a DNS server it does not own (here a separate embedded server).</summary>
public sealed class DnsAnswerPollerTests
{
    [Fact]
    public async Task The_poller_sees_an_answer_change_over_udp_within_a_few_polls()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new EmbeddedZoneStore();
        store.AddZone("example.org");
        store.Apply("example.org", [new DnsChange(DnsChangeAction.Upsert, new DnsRecordSet("www.example.org.", DnsRecordType.A, 5, ["192.0.2.1"]))]);
        using var server = EmbeddedDnsServer.Start(store);
        using var reader = new DnsAnswerReader(new IPEndPoint(IPAddress.Loopback, server.Port), "www.example.org");
        await using var poller = new DnsAnswerPoller(reader, TimeSpan.FromMilliseconds(10));
        await poller.StartAsync(ct);
        Assert.Equal(["192.0.2.1"], poller.Latest!.Answer.Values);

        var changedAt = DateTimeOffset.UtcNow;
        store.Apply("example.org", [new DnsChange(DnsChangeAction.Upsert, new DnsRecordSet("www.example.org.", DnsRecordType.A, 5, ["192.0.2.2"]))]);
        var seen = await poller.WaitForAsync(changedAt, a => a.Values.SequenceEqual(["192.0.2.2"]), TimeSpan.FromSeconds(5), ct);
        Assert.NotNull(seen);
        Assert.True(seen.At - changedAt < TimeSpan.FromSeconds(3), $"seen after {(seen.At - changedAt).TotalMilliseconds} ms");

        store.Apply("example.org", [new DnsChange(DnsChangeAction.Delete, new DnsRecordSet("www.example.org.", DnsRecordType.A, 5, ["192.0.2.2"]))]);
        var gone = await poller.WaitForAsync(changedAt, a => a.IsError, TimeSpan.FromSeconds(5), ct);
        Assert.Equal("NxDomain", gone!.Answer.Error);
        await poller.StopAsync();
        Assert.Equal(3, poller.Changes.Count);
        Assert.True(poller.Polls >= 3);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_a_timeout_not_an_exception()
    {
        using var silent = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)silent.Client.LocalEndPoint!).Port;
        using var reader = new DnsAnswerReader(new IPEndPoint(IPAddress.Loopback, port), "app.example.com", TimeSpan.FromMilliseconds(200));
        var answer = await reader.ReadAsync(TestContext.Current.CancellationToken);
        Assert.True(answer.IsError);
    }
}
