using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;

namespace MultiRegion.Health.Dns.Rfc2136;

/// <summary>
/// RFC 2136 dynamic update signed with TSIG (BIND 9, Knot). Reads with direct queries over TCP; writes one UPDATE
/// message per decision whose prerequisites pin exactly what was read (value-dependent "RRset exists" for current
/// sets, "RRset does not exist" for new ones, the ownership marker likewise) — the server applies it all or nothing,
/// and refuses it (YXRRSET/NXRRSET) if someone changed the name in between.
/// </summary>
public sealed class Rfc2136DnsProvider : OwnedDnsProvider
{
    private static readonly DnsRecordType[] ManagedTypes = [DnsRecordType.A, DnsRecordType.AAAA, DnsRecordType.CNAME];
    private readonly IPEndPoint server;
    private readonly TsigKey key;
    private readonly int timeoutMs;

    public Rfc2136DnsProvider(IPEndPoint server, TsigKey key, string ownerId, TimeSpan? timeout = null)
        : base(ownerId)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(key);
        this.server = server;
        this.key = key;
        timeoutMs = (int)(timeout ?? TimeSpan.FromSeconds(5)).TotalMilliseconds;
    }

    public override string Name => "rfc2136";

    protected override async Task<OwnedNameState> ReadStateAsync(string zone, string name, CancellationToken cancellationToken)
    {
        var target = DnsName.Normalize(name);
        using var client = Client(tcp: true);
        var records = new List<DnsRecordSet>();
        foreach (var type in ManagedTypes)
        {
            var answer = await QueryAsync(client, target, ToRecordType(type), cancellationToken).ConfigureAwait(false);
            var values = answer.AnswerRecords
                .Where(r => r.RecordType == ToRecordType(type) && DnsName.Equal(r.Name.ToString(), target))
                .ToList();
            if (values.Count > 0)
            {
                records.Add(new DnsRecordSet(target, type, values[0].TimeToLive, [.. values.Select(ValueOf)]));
            }
        }

        var marker = await QueryAsync(client, DnsName.OwnershipName(name), RecordType.Txt, cancellationToken).ConfigureAwait(false);
        var markerValues = marker.AnswerRecords.OfType<TxtRecord>().Select(t => t.TextData).ToList();
        return new OwnedNameState(records, markerValues);
    }

    protected override async Task ApplyOwnedAsync(DnsChangeSet changes, OwnedNameState current, DnsRecordSet? markerToCreate, CancellationToken cancellationToken)
    {
        var message = new DnsUpdateMessage { ZoneName = DomainName.Parse(DnsName.Normalize(changes.Zone)) };
        var owner = DomainName.Parse(DnsName.Normalize(changes.Name));
        var touched = changes.Changes.Select(c => c.RecordSet.Type).Distinct().ToList();
        foreach (var type in touched)
        {
            var existing = current.Records.FirstOrDefault(r => r.Type == type);
            if (existing is null)
            {
                message.Prequisites.Add(new RecordNotExistsPrequisite(owner, ToRecordType(type)));
            }
            else
            {
                foreach (var record in ToRecords(existing))
                {
                    message.Prequisites.Add(new RecordExistsValueDependantPrequisite(record));
                }
            }
        }

        var markerName = DomainName.Parse(DnsName.OwnershipName(changes.Name));
        if (markerToCreate is null)
        {
            foreach (var value in current.MarkerValues)
            {
                message.Prequisites.Add(new RecordExistsValueDependantPrequisite(new TxtRecord(markerName, 0, value)));
            }
        }
        else
        {
            message.Prequisites.Add(new RecordNotExistsPrequisite(markerName, RecordType.Txt));
        }

        foreach (var change in changes.Changes)
        {
            message.Updates.Add(new DeleteAllRecordsUpdate(owner, ToRecordType(change.RecordSet.Type)));
            if (change.Action == DnsChangeAction.Upsert)
            {
                foreach (var record in ToRecords(change.RecordSet))
                {
                    message.Updates.Add(new AddRecordUpdate(record));
                }
            }
        }

        if (markerToCreate is not null)
        {
            foreach (var record in ToRecords(markerToCreate))
            {
                message.Updates.Add(new AddRecordUpdate(record));
            }
        }

        message.TSigOptions = new TSigRecord(DomainName.Parse(key.Name), key.Algorithm, DateTime.UtcNow, TimeSpan.FromMinutes(5), message.TransactionID, ReturnCode.NoError, null, key.Secret);
        using var client = Client(tcp: true);
        DnsUpdateMessage? response;
        try
        {
            response = await client.SendUpdateAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            throw new DnsProviderException(Name, $"update of {changes.Name} at {server} failed: {ex.Message}", "Network", retryable: true, ex);
        }

        if (response is null)
        {
            throw new DnsProviderException(Name, $"no answer from {server} to the update of {changes.Name} (timeout or bad TSIG signature); nothing applied", "Timeout", retryable: true);
        }

        if (response.ReturnCode != ReturnCode.NoError)
        {
            var why = response.ReturnCode switch
            {
                ReturnCode.YXRRSet or ReturnCode.NXRRSet or ReturnCode.YXDomain or ReturnCode.NxDomain => "a prerequisite failed: the records changed since they were read",
                ReturnCode.NotAuthoritive => $"the server did not accept TSIG key {key.Name}",
                ReturnCode.Refused => $"the server refused the update (is allow-update set for key {key.Name}?)",
                ReturnCode.NotZone => $"{changes.Name} is not in zone {changes.Zone}",
                _ => "the update was rejected",
            };
            throw new DnsProviderException(Name, $"update of {changes.Name} at {server}: {response.ReturnCode}: {why}; nothing applied", response.ReturnCode.ToString(), response.ReturnCode is ReturnCode.YXRRSet or ReturnCode.NXRRSet or ReturnCode.ServerFailure);
        }
    }

    private DnsClient Client(bool tcp)
    {
        IClientTransport[] transports = tcp ? [new TcpClientTransport(server.Port)] : [new UdpClientTransport(server.Port), new TcpClientTransport(server.Port)];
        return new DnsClient([server.Address], transports, true, timeoutMs);
    }

    private async Task<DnsMessage> QueryAsync(DnsClient client, string name, RecordType type, CancellationToken cancellationToken)
    {
        DnsMessage? answer;
        try
        {
            answer = await client.ResolveAsync(DomainName.Parse(name), type, RecordClass.INet, new DnsQueryOptions { IsRecursionDesired = false, IsEDnsEnabled = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            throw new DnsProviderException(Name, $"query {name} {type} at {server} failed: {ex.Message}", "Network", retryable: true, ex);
        }

        if (answer is null)
        {
            throw new DnsProviderException(Name, $"no answer from {server} for {name} {type}", "Timeout", retryable: true);
        }

        if (answer.ReturnCode is not (ReturnCode.NoError or ReturnCode.NxDomain))
        {
            throw new DnsProviderException(Name, $"query {name} {type} at {server}: {answer.ReturnCode}", answer.ReturnCode.ToString(), answer.ReturnCode == ReturnCode.ServerFailure);
        }

        return answer;
    }

    private static RecordType ToRecordType(DnsRecordType type) => type switch
    {
        DnsRecordType.A => RecordType.A,
        DnsRecordType.AAAA => RecordType.Aaaa,
        DnsRecordType.CNAME => RecordType.CName,
        _ => RecordType.Txt,
    };

    private static string ValueOf(DnsRecordBase record) => record switch
    {
        ARecord a => a.Address.ToString(),
        AaaaRecord aaaa => aaaa.Address.ToString(),
        CNameRecord cname => DnsName.Normalize(cname.CanonicalName.ToString()),
        TxtRecord txt => txt.TextData,
        _ => record.ToString(),
    };

    private static IEnumerable<DnsRecordBase> ToRecords(DnsRecordSet set) => Embedded.EmbeddedDnsServer.ToRecords(set);
}
