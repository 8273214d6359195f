namespace MultiRegion.Health.Dns;

/// <summary>
/// Base for providers: enforces ownership. Subclasses implement raw reads and one atomic raw write;
/// this class refuses foreign records and adds the ownership marker to the same atomic write.
/// </summary>
public abstract class OwnedDnsProvider : IDnsProvider
{
    protected OwnedDnsProvider(string ownerId)
    {
        OwnershipMarker.ValidateOwnerId(ownerId);
        OwnerId = ownerId;
    }

    public abstract string Name { get; }

    public virtual bool SupportsRoutingPolicies => false;

    /// <summary>The owner written in the TXT marker.</summary>
    public string OwnerId { get; }

    /// <summary>TTL of the ownership marker.</summary>
    public int MarkerTtl { get; init; } = 300;

    public async Task<IReadOnlyList<DnsRecordSet>> ReadAsync(string zone, string name, CancellationToken cancellationToken = default)
    {
        var state = await ReadStateAsync(zone, name, cancellationToken).ConfigureAwait(false);
        EnsureOwned(name, state);
        return state.Records;
    }

    public async Task ApplyAsync(DnsChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            return;
        }

        foreach (var change in changes.Changes)
        {
            if (!DnsName.Equal(change.RecordSet.Name, changes.Name))
            {
                throw new ArgumentException($"change {change} is not at {changes.Name}", nameof(changes));
            }

            if (change.RecordSet.Type == DnsRecordType.TXT)
            {
                throw new ArgumentException($"change {change}: TXT records at a managed name are not supported", nameof(changes));
            }

            if (!SupportsRoutingPolicies && change.RecordSet.SetIdentifier is not null)
            {
                throw new ArgumentException($"change {change}: provider {Name} has no routing policies (set identifiers)", nameof(changes));
            }
        }

        var state = await ReadStateAsync(changes.Zone, changes.Name, cancellationToken).ConfigureAwait(false);
        EnsureOwned(changes.Name, state);
        var marker = state.MarkerValues.Count == 0 ? OwnershipMarker.RecordSet(changes.Name, OwnerId, MarkerTtl) : null;
        await ApplyOwnedAsync(changes, state, marker, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the A/AAAA/CNAME record sets at the name and the TXT values of its ownership name.</summary>
    protected abstract Task<OwnedNameState> ReadStateAsync(string zone, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="changes"/> in one atomic request; when <paramref name="markerToCreate"/> is not null,
    /// the ownership marker is created in the same request.
    /// </summary>
    protected abstract Task ApplyOwnedAsync(DnsChangeSet changes, OwnedNameState current, DnsRecordSet? markerToCreate, CancellationToken cancellationToken);

    private void EnsureOwned(string name, OwnedNameState state)
    {
        var owners = state.MarkerValues.Select(OwnershipMarker.ParseOwner).ToList();
        if (owners.Any(o => o is not null && !string.Equals(o, OwnerId, StringComparison.Ordinal)))
        {
            throw new ForeignRecordException(DnsName.OwnershipName(name), "TXT", $"owned by '{owners.First(o => o is not null && o != OwnerId)}', not '{OwnerId}'");
        }

        if (owners.Count > 0 && owners.All(o => o is null))
        {
            throw new ForeignRecordException(DnsName.OwnershipName(name), "TXT", "a TXT record that is not a multiregion ownership marker exists");
        }

        if (owners.Count == 0 && state.Records.Count > 0)
        {
            var types = string.Join(",", state.Records.Select(r => r.Type.ToString()).Distinct());
            throw new ForeignRecordException(DnsName.Normalize(name), types, $"records exist without the ownership marker {DnsName.OwnershipName(name)} (owner '{OwnerId}')");
        }
    }
}

/// <summary>What a provider found at a name: the record sets and the TXT values at its ownership name.</summary>
public sealed record OwnedNameState(IReadOnlyList<DnsRecordSet> Records, IReadOnlyList<string> MarkerValues);
