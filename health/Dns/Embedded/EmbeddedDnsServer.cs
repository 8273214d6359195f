using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace MultiRegion.Health.Dns.Embedded;

/// <summary>
/// Authoritative DNS server inside the process (UDP and TCP on one loopback port), serving the zones of an
/// <see cref="EmbeddedZoneStore"/>: A/AAAA/CNAME/TXT plus a synthesized SOA and NS at each apex; NXDOMAIN for missing
/// names inside a zone, REFUSED outside every zone. <c>dig @127.0.0.1 -p PORT name</c> works against it.
/// </summary>
public sealed class EmbeddedDnsServer : IDisposable
{
    private readonly DnsServer server;

    private EmbeddedDnsServer(EmbeddedZoneStore store, IPEndPoint endpoint)
    {
        Store = store;
        EndPoint = endpoint;
        server = new DnsServer(new UdpServerTransport(endpoint, 5000), new TcpServerTransport(endpoint, 5000, 60000));
        server.QueryReceived += OnQueryReceivedAsync;
    }

    public EmbeddedZoneStore Store { get; }

    public IPEndPoint EndPoint { get; }

    public int Port => EndPoint.Port;

    /// <summary>TTL of the synthesized SOA/NS records and negative answers.</summary>
    public int SoaTtl { get; init; } = 5;

    /// <summary>Starts serving on <paramref name="address"/>:<paramref name="port"/> (0 = a free port).</summary>
    public static EmbeddedDnsServer Start(EmbeddedZoneStore store, IPAddress? address = null, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(store);
        address ??= IPAddress.Loopback;
        var endpoint = new IPEndPoint(address, port == 0 ? FreePort.ForUdpAndTcp(address) : port);
        var instance = new EmbeddedDnsServer(store, endpoint);
        try
        {
            instance.server.Start();
        }
        catch (SocketException ex)
        {
            instance.Dispose();
            throw new DnsProviderException("embedded", $"cannot listen on {endpoint}: {ex.Message}", "Bind", innerException: ex);
        }

        return instance;
    }

    public void Dispose()
    {
        server.QueryReceived -= OnQueryReceivedAsync;
        try
        {
            server.Stop();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Builds the response to one query from the current snapshots (pure; used by tests too).</summary>
    internal DnsMessage Answer(DnsMessage query)
    {
        var response = query.CreateResponseInstance();
        response.IsRecursionAllowed = false;
        if (query.Questions.Count != 1 || query.IsQuery == false)
        {
            response.ReturnCode = ReturnCode.FormatError;
            return response;
        }

        var question = query.Questions[0];
        var name = question.Name.ToString();
        var zone = Store.FindZoneFor(name);
        if (zone is null || question.RecordClass is not (RecordClass.INet or RecordClass.Any))
        {
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }

        response.IsAuthoritiveAnswer = true;
        response.ReturnCode = ReturnCode.NoError;
        var records = RecordsAt(zone, name);
        var matching = records.Where(r => question.RecordType == RecordType.Any || r.RecordType == question.RecordType).ToList();
        if (matching.Count > 0)
        {
            response.AnswerRecords.AddRange(matching);
            return response;
        }

        var cname = records.OfType<CNameRecord>().FirstOrDefault();
        if (cname is not null)
        {
            response.AnswerRecords.Add(cname);
            var target = cname.CanonicalName.ToString();
            if (Store.FindZoneFor(target) is { } targetZone)
            {
                response.AnswerRecords.AddRange(RecordsAt(targetZone, target).Where(r => r.RecordType == question.RecordType));
            }

            return response;
        }

        if (records.Count == 0 && !HasDescendants(zone, name))
        {
            response.ReturnCode = ReturnCode.NxDomain;
        }

        response.AuthorityRecords.Add(Soa(zone));
        return response;
    }

    private static bool HasDescendants(ZoneSnapshot zone, string name)
    {
        var suffix = "." + DnsName.Normalize(name);
        return zone.RecordsByName.Keys.Any(k => k.EndsWith(suffix, StringComparison.Ordinal));
    }

    private List<DnsRecordBase> RecordsAt(ZoneSnapshot zone, string name)
    {
        var list = new List<DnsRecordBase>();
        var normalized = DnsName.Normalize(name);
        if (normalized == zone.Apex)
        {
            list.Add(Soa(zone));
            list.Add(new NsRecord(DomainName.Parse(zone.Apex), SoaTtl, DomainName.Parse("ns." + zone.Apex)));
        }

        foreach (var set in zone.At(normalized))
        {
            list.AddRange(ToRecords(set));
        }

        return list;
    }

    private SoaRecord Soa(ZoneSnapshot zone) =>
        new(DomainName.Parse(zone.Apex), SoaTtl, DomainName.Parse("ns." + zone.Apex), DomainName.Parse("hostmaster." + zone.Apex), zone.Serial, 60, 30, 3600, SoaTtl);

    internal static IEnumerable<DnsRecordBase> ToRecords(DnsRecordSet set)
    {
        var owner = DomainName.Parse(set.Name);
        foreach (var value in set.Values)
        {
            yield return set.Type switch
            {
                DnsRecordType.A or DnsRecordType.AAAA when set.Type == DnsRecordType.A => new ARecord(owner, set.Ttl, IPAddress.Parse(value)),
                DnsRecordType.AAAA => new AaaaRecord(owner, set.Ttl, IPAddress.Parse(value)),
                DnsRecordType.CNAME => new CNameRecord(owner, set.Ttl, DomainName.Parse(value)),
                _ => new TxtRecord(owner, set.Ttl, value),
            };
        }
    }

    private Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is DnsMessage query)
        {
            e.Response = Answer(query);
        }

        return Task.CompletedTask;
    }
}
