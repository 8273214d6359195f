using System.Collections.Immutable;

namespace MultiRegion.Health.Dns.Embedded;

/// <summary>An immutable version of one zone: apex, SOA serial and the record sets by name.</summary>
public sealed record ZoneSnapshot(string Apex, uint Serial, ImmutableDictionary<string, ImmutableList<DnsRecordSet>> RecordsByName)
{
    public static ZoneSnapshot Empty(string apex) =>
        new(DnsName.Normalize(apex), 1, ImmutableDictionary.Create<string, ImmutableList<DnsRecordSet>>(StringComparer.Ordinal));

    public IReadOnlyList<DnsRecordSet> At(string name) =>
        RecordsByName.TryGetValue(DnsName.Normalize(name), out var sets) ? sets : [];

    /// <summary>A new snapshot with the changes applied and the serial incremented.</summary>
    public ZoneSnapshot With(IEnumerable<DnsChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var builder = RecordsByName.ToBuilder();
        foreach (var change in changes)
        {
            var set = change.RecordSet with { Name = DnsName.Normalize(change.RecordSet.Name) };
            var existing = builder.TryGetValue(set.Name, out var list) ? list : [];
            existing = existing.RemoveAll(s => s.Key == set.Key);
            if (change.Action == DnsChangeAction.Upsert)
            {
                existing = existing.Add(set);
            }

            if (existing.IsEmpty)
            {
                builder.Remove(set.Name);
            }
            else
            {
                builder[set.Name] = existing;
            }
        }

        return this with { Serial = unchecked(Serial + 1), RecordsByName = builder.ToImmutable() };
    }
}
