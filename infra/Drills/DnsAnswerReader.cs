using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace MultiRegion.Infra.Drills;

/// <summary>Asks one DNS server (any: the sandbox's, BIND, PowerDNS, a resolver) for a name's A answer over UDP.</summary>
public sealed class DnsAnswerReader : IDisposable
{
    private readonly DnsClient client;
    private readonly DomainName name;

    public DnsAnswerReader(IPEndPoint server, string name, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Server = server;
        Name = DnsAnswer.Normalize(name);
        this.name = DomainName.Parse(Name);
        client = new DnsClient([server.Address], [new UdpClientTransport(server.Port)], true, (int)(timeout ?? TimeSpan.FromSeconds(1)).TotalMilliseconds);
    }

    public IPEndPoint Server { get; }

    public string Name { get; }

    public void Dispose() => ((IDisposable)client).Dispose();

    public async Task<DnsAnswer> ReadAsync(CancellationToken cancellationToken = default)
    {
        DnsMessage? message;
        try
        {
            message = await client.ResolveAsync(name, RecordType.A, RecordClass.INet, new DnsQueryOptions { IsRecursionDesired = true, IsEDnsEnabled = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            return DnsAnswer.Failed(ex.Message);
        }

        if (message is null)
        {
            return DnsAnswer.Failed("timeout");
        }

        if (message.ReturnCode != ReturnCode.NoError)
        {
            return DnsAnswer.Failed(message.ReturnCode.ToString());
        }

        var values = new List<string>();
        foreach (var record in message.AnswerRecords)
        {
            switch (record)
            {
                case ARecord a:
                    values.Add(a.Address.ToString());
                    break;
                case AaaaRecord aaaa:
                    values.Add(aaaa.Address.ToString());
                    break;
                case CNameRecord cname:
                    values.Add(DnsAnswer.Normalize(cname.CanonicalName.ToString()));
                    break;
            }
        }

        return new DnsAnswer([.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], null);
    }
}
