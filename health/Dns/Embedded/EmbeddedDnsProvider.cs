namespace MultiRegion.Health.Dns.Embedded;

/// <summary>Provider over an <see cref="EmbeddedZoneStore"/>: each apply is one compare-and-swap of the zone snapshot.</summary>
public sealed class EmbeddedDnsProvider(EmbeddedZoneStore store, string ownerId) : OwnedDnsProvider(ownerId)
{
    private readonly EmbeddedZoneStore store = store ?? throw new ArgumentNullException(nameof(store));

    public override string Name => "embedded";

    /// <summary>
    /// Keep per-region record sets (set identifier, weight, geo) instead of flattened ones; the server then answers
    /// with the values of every set (round robin). Off by default; used to exercise routing-policy code paths.
    /// </summary>
    public bool KeepRoutingSets { get; init; }

    public override bool SupportsRoutingPolicies => KeepRoutingSets;

    protected override Task<OwnedNameState> ReadStateAsync(string zone, string name, CancellationToken cancellationToken)
    {
        var snapshot = store.Get(zone);
        return Task.FromResult(StateOf(snapshot, name));
    }

    protected override Task ApplyOwnedAsync(DnsChangeSet changes, OwnedNameState current, DnsRecordSet? markerToCreate, CancellationToken cancellationToken)
    {
        var all = markerToCreate is null ? changes.Changes : [.. changes.Changes, new DnsChange(DnsChangeAction.Upsert, markerToCreate)];
        var snapshot = store.Get(changes.Zone);
        if (!SameState(StateOf(snapshot, changes.Name), current))
        {
            throw new DnsProviderException(Name, $"records at {changes.Name} changed since they were read; nothing applied", "Conflict", retryable: true);
        }

        store.Apply(changes.Zone, all, snapshot.Serial);
        return Task.CompletedTask;
    }

    private static OwnedNameState StateOf(ZoneSnapshot snapshot, string name) =>
        new(
            [.. snapshot.At(name).Where(s => s.Type != DnsRecordType.TXT)],
            [.. snapshot.At(DnsName.OwnershipName(name)).Where(s => s.Type == DnsRecordType.TXT).SelectMany(s => s.Values)]);

    private static bool SameState(OwnedNameState a, OwnedNameState b) =>
        a.Records.Count == b.Records.Count && a.Records.All(r => b.Records.Contains(r)) && a.MarkerValues.SequenceEqual(b.MarkerValues);
}
