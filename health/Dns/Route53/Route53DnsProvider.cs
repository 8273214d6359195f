using System.Globalization;

namespace MultiRegion.Health.Dns.Route53;

/// <summary>
/// Route 53 through its REST XML API (2013-04-01), by hand over HttpClient. Reads list the record sets at the name
/// and its ownership marker; a decision is one ChangeBatch (atomic) whenever it fits the limits, then waits for INSYNC.
/// Supports weighted / latency (Region) / geo (GeoLocation) sets through set identifiers.
/// </summary>
public sealed class Route53DnsProvider : OwnedDnsProvider
{
    private readonly Route53Client client;
    private readonly Route53ChangeBatcher batcher;

    public Route53DnsProvider(Route53Options options, IAwsCredentialSource credentials, string ownerId, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
        : base(ownerId)
    {
        ArgumentNullException.ThrowIfNull(options);
        client = new Route53Client(options, credentials, httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, timeProvider);
        batcher = new Route53ChangeBatcher(options.MaxRecordsPerBatch, options.MaxValueCharactersPerBatch);
    }

    public override string Name => "route53";

    public override bool SupportsRoutingPolicies => true;

    /// <summary>How many ChangeBatches the last apply needed (observability and tests).</summary>
    public int LastBatchCount { get; private set; }

    protected override async Task<OwnedNameState> ReadStateAsync(string zone, string name, CancellationToken cancellationToken)
    {
        var target = DnsName.Normalize(name);
        var sets = await client.ListAtNameAsync(target, null, cancellationToken).ConfigureAwait(false);
        var records = new List<DnsRecordSet>();
        foreach (var set in sets.Where(s => s.Type is "A" or "AAAA" or "CNAME"))
        {
            if (set.IsAlias)
            {
                throw new ForeignRecordException(target, set.Type, "an alias record exists at the name; alias records are not managed by the checker");
            }

            var type = Enum.Parse<DnsRecordType>(set.Type);
            records.Add(new DnsRecordSet(target, type, set.Ttl, [.. set.Values.Select(v => type == DnsRecordType.CNAME ? DnsName.Normalize(v) : v)], set.SetIdentifier, set.Weight, set.Region, set.GeoLocation));
        }

        var markers = await client.ListAtNameAsync(DnsName.OwnershipName(name), "TXT", cancellationToken).ConfigureAwait(false);
        return new OwnedNameState(records, [.. markers.SelectMany(m => m.Values).Select(Unquote)]);
    }

    protected override async Task ApplyOwnedAsync(DnsChangeSet changes, OwnedNameState current, DnsRecordSet? markerToCreate, CancellationToken cancellationToken)
    {
        IReadOnlyList<DnsChange> all = markerToCreate is null ? changes.Changes : [new DnsChange(DnsChangeAction.Upsert, markerToCreate), .. changes.Changes];
        var batches = batcher.Split(all);
        LastBatchCount = batches.Count;
        for (var i = 0; i < batches.Count; i++)
        {
            var comment = batches.Count == 1 ? changes.Comment : string.Create(CultureInfo.InvariantCulture, $"{changes.Comment} (batch {i + 1}/{batches.Count})");
            try
            {
                await ApplyBatchAsync(changes, batches[i], comment, cancellationToken).ConfigureAwait(false);
            }
            catch (DnsProviderException ex) when (i > 0)
            {
                throw new DnsProviderException(Name, string.Create(CultureInfo.InvariantCulture, $"batch {i + 1} of {batches.Count} failed after {i} applied (each applied batch left a complete answer; the next cycle converges): {ex.Message}"), ex.Code, ex.IsRetryable, ex);
            }
        }
    }

    private async Task ApplyBatchAsync(DnsChangeSet changes, IReadOnlyList<DnsChange> batch, string? comment, CancellationToken cancellationToken)
    {
        try
        {
            var id = await client.ChangeResourceRecordSetsAsync(batch, comment, cancellationToken).ConfigureAwait(false);
            await client.WaitForInSyncAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (DnsProviderException ex) when (ex.Code == "InvalidChangeBatch")
        {
            // A retried POST whose first attempt did land (its response was lost) is rejected because its DELETE no
            // longer matches. If the zone already holds exactly this batch's result, the batch is done.
            if (!await IsAppliedAsync(changes.Zone, changes.Name, batch, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }
        }
    }

    /// <summary>True when every UPSERT of the batch is present as given and every DELETEd set is gone.</summary>
    private async Task<bool> IsAppliedAsync(string zone, string name, IReadOnlyList<DnsChange> batch, CancellationToken cancellationToken)
    {
        var state = await ReadStateAsync(zone, name, cancellationToken).ConfigureAwait(false);
        var byKey = state.Records.ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var change in batch)
        {
            if (change.RecordSet.Type == DnsRecordType.TXT)
            {
                if (!state.MarkerValues.Contains(change.RecordSet.Values[0], StringComparer.Ordinal))
                {
                    return false;
                }

                continue;
            }

            var present = byKey.TryGetValue(change.RecordSet.Key, out var existing);
            if (change.Action == DnsChangeAction.Upsert ? !present || !existing!.Equals(change.RecordSet) : present)
            {
                return false;
            }
        }

        return true;
    }

    private static string Unquote(string value)
    {
        var text = value.Trim();
        return text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : text;
    }
}
