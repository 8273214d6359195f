using System.Collections.Immutable;

namespace MultiRegion.Health.Dns.Embedded;

/// <summary>The zones served by an <see cref="EmbeddedDnsServer"/>; every update swaps an immutable snapshot atomically.</summary>
public sealed class EmbeddedZoneStore
{
    private ImmutableDictionary<string, ZoneSnapshot> zones = ImmutableDictionary.Create<string, ZoneSnapshot>(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Zones => zones.Keys.ToList();

    public void AddZone(string apex)
    {
        var normalized = DnsName.Normalize(apex);
        ImmutableInterlocked.TryAdd(ref zones, normalized, ZoneSnapshot.Empty(normalized));
    }

    /// <summary>The zone with the longest apex that contains <paramref name="name"/>, or null.</summary>
    public ZoneSnapshot? FindZoneFor(string name)
    {
        var normalized = DnsName.Normalize(name);
        return zones.Values.Where(z => DnsName.IsInZone(normalized, z.Apex)).OrderByDescending(z => z.Apex.Length).FirstOrDefault();
    }

    public ZoneSnapshot Get(string apex) =>
        zones.TryGetValue(DnsName.Normalize(apex), out var zone)
            ? zone
            : throw new DnsProviderException("embedded", $"zone '{apex}' is not served by this server", "NotZone");

    /// <summary>Applies all changes as one snapshot swap, only if the zone is still at <paramref name="expectedSerial"/> (when given).</summary>
    public ZoneSnapshot Apply(string apex, IReadOnlyList<DnsChange> changes, uint? expectedSerial = null)
    {
        var key = DnsName.Normalize(apex);
        while (true)
        {
            var current = zones;
            if (!current.TryGetValue(key, out var zone))
            {
                throw new DnsProviderException("embedded", $"zone '{apex}' is not served by this server", "NotZone");
            }

            if (expectedSerial is { } serial && zone.Serial != serial)
            {
                throw new DnsProviderException("embedded", $"zone '{apex}' changed concurrently (serial {zone.Serial}, expected {serial}); nothing applied", "Conflict", retryable: true);
            }

            var next = zone.With(changes);
            if (Interlocked.CompareExchange(ref zones, current.SetItem(key, next), current) == current)
            {
                return next;
            }
        }
    }
}
