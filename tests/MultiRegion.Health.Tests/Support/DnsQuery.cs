using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace MultiRegion.Health.Tests.Support;

/// <summary>Real DNS queries over UDP to a loopback server.</summary>
internal static class DnsQuery
{
    public static async Task<DnsMessage> QueryAsync(int port, string name, RecordType type, bool tcp = false)
    {
        IClientTransport[] transports = tcp ? [new TcpClientTransport(port)] : [new UdpClientTransport(port)];
        using var client = new DnsClient([IPAddress.Loopback], transports, true, 3000);
        var answer = await client.ResolveAsync(DomainName.Parse(name), type, RecordClass.INet, new DnsQueryOptions { IsRecursionDesired = false, IsEDnsEnabled = false });
        return answer ?? throw new InvalidOperationException($"no DNS answer from 127.0.0.1:{port} for {name} {type}");
    }

    /// <summary>The A record addresses (as text, sorted) for a name.</summary>
    public static async Task<IReadOnlyList<string>> AddressesAsync(int port, string name)
    {
        var message = await QueryAsync(port, name, RecordType.A);
        return [.. message.AnswerRecords.OfType<ARecord>().Select(r => r.Address.ToString()).Order(StringComparer.Ordinal)];
    }
}
