namespace MultiRegion.Health.Dns;

/// <summary>What to do with one record set.</summary>
public enum DnsChangeAction
{
    /// <summary>Create or replace the record set.</summary>
    Upsert,

    /// <summary>Delete the record set (must match the current one).</summary>
    Delete,
}

/// <summary>One change to one record set.</summary>
public sealed record DnsChange(DnsChangeAction Action, DnsRecordSet RecordSet)
{
    public override string ToString() => $"{Action} {RecordSet}";
}

/// <summary>Changes to one name in one zone, applied atomically by <see cref="IDnsProvider.ApplyAsync"/>.</summary>
public sealed record DnsChangeSet(string Zone, string Name, IReadOnlyList<DnsChange> Changes, string? Comment = null)
{
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>The changes that turn <paramref name="current"/> into <paramref name="desired"/> (deletes first).</summary>
    public static DnsChangeSet Between(string zone, string name, IReadOnlyList<DnsRecordSet> current, IReadOnlyList<DnsRecordSet> desired, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        var desiredByKey = desired.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var currentByKey = current.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var changes = new List<DnsChange>();
        foreach (var existing in current.Where(c => !desiredByKey.ContainsKey(c.Key)))
        {
            changes.Add(new DnsChange(DnsChangeAction.Delete, existing));
        }

        foreach (var wanted in desired)
        {
            if (!currentByKey.TryGetValue(wanted.Key, out var existing) || !existing.Equals(wanted))
            {
                changes.Add(new DnsChange(DnsChangeAction.Upsert, wanted));
            }
        }

        return new DnsChangeSet(zone, name, changes, comment);
    }

    public override string ToString() => IsEmpty ? "no change" : string.Join("; ", Changes);
}
