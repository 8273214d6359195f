using MultiRegion.Health.Dns;

namespace MultiRegion.Health.Routing;

/// <summary>
/// For providers without routing policies (PowerDNS, RFC 2136, embedded): merges per-region record sets into one
/// plain record set per type (round robin over the values; weights and locations are not expressible).
/// A CNAME keeps only its first (most preferred) value.
/// </summary>
public static class RecordSetFlattener
{
    public static IReadOnlyList<DnsRecordSet> Flatten(IReadOnlyList<DnsRecordSet> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.All(r => r.SetIdentifier is null))
        {
            return records;
        }

        return [.. records
            .GroupBy(r => (Name: DnsName.Normalize(r.Name), r.Type))
            .Select(g =>
            {
                var values = g.SelectMany(r => r.Values).Distinct(StringComparer.Ordinal).ToList();
                if (g.Key.Type == DnsRecordType.CNAME)
                {
                    values = [values[0]];
                }

                return new DnsRecordSet(g.Key.Name, g.Key.Type, g.Min(r => r.Ttl), values);
            })];
    }
}
