namespace MultiRegion.Health.Dns.Route53;

/// <summary>
/// Splits one decision into ChangeBatches within Route 53's limits (records and value characters per batch, UPSERT
/// counted twice). One decision is one batch whenever it fits. When it does not, batches are ordered so that every
/// intermediate state still answers: all UPSERTs first (new and changed sets appear before anything goes away), then
/// DELETEs. A decision that mixes record types (e.g. A → CNAME) must fit in one batch, or it is refused.
/// </summary>
public sealed class Route53ChangeBatcher(int maxRecords, int maxValueCharacters)
{
    public IReadOnlyList<IReadOnlyList<DnsChange>> Split(IReadOnlyList<DnsChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return [];
        }

        foreach (var change in changes)
        {
            var (count, chars) = Cost(change);
            if (count > maxRecords || chars > maxValueCharacters)
            {
                throw new DnsProviderException("route53", $"record set {change.RecordSet.Name} {change.RecordSet.Type} alone exceeds the ChangeBatch limits ({count} records, {chars} value characters)", "LimitExceeded");
            }
        }

        if (Fits(changes))
        {
            return [changes];
        }

        var mixesTypes = changes.GroupBy(c => DnsName.Normalize(c.RecordSet.Name)).Any(g => g.Select(c => c.RecordSet.Type).Distinct().Count() > 1);
        if (mixesTypes)
        {
            throw new DnsProviderException("route53", "a change that replaces one record type with another must fit in one ChangeBatch; it does not, so nothing was applied", "LimitExceeded");
        }

        var ordered = changes.Where(c => c.Action == DnsChangeAction.Upsert).Concat(changes.Where(c => c.Action == DnsChangeAction.Delete));
        var batches = new List<IReadOnlyList<DnsChange>>();
        var current = new List<DnsChange>();
        int records = 0, characters = 0;
        foreach (var change in ordered)
        {
            var (r, c) = Cost(change);
            if (current.Count > 0 && (records + r > maxRecords || characters + c > maxValueCharacters))
            {
                batches.Add(current);
                current = [];
                records = characters = 0;
            }

            current.Add(change);
            records += r;
            characters += c;
        }

        batches.Add(current);
        return batches;
    }

    /// <summary>ResourceRecord elements and value characters of one change (UPSERT counts twice).</summary>
    public static (int Records, int Characters) Cost(DnsChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var factor = change.Action == DnsChangeAction.Upsert ? 2 : 1;
        var values = change.RecordSet.Values.Select(v => Route53Xml.ValueText(change.RecordSet.Type, v)).ToList();
        return (values.Count * factor, values.Sum(v => v.Length) * factor);
    }

    private bool Fits(IReadOnlyList<DnsChange> changes)
    {
        var costs = changes.Select(Cost).ToList();
        return costs.Sum(c => c.Records) <= maxRecords && costs.Sum(c => c.Characters) <= maxValueCharacters;
    }
}
