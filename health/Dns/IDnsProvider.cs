namespace MultiRegion.Health.Dns;

/// <summary>Reads and writes the record sets the checker owns at one name.</summary>
public interface IDnsProvider
{
    /// <summary>Short provider name for logs and history ("route53", "powerdns", "rfc2136", "embedded").</summary>
    string Name { get; }

    /// <summary>True when record sets may carry set identifier / weight / region / geo (Route 53).</summary>
    bool SupportsRoutingPolicies { get; }

    /// <summary>
    /// Current record sets (A/AAAA/CNAME) at <paramref name="name"/>. Throws <see cref="ForeignRecordException"/>
    /// when records exist there that this checker does not own.
    /// </summary>
    Task<IReadOnlyList<DnsRecordSet>> ReadAsync(string zone, string name, CancellationToken cancellationToken = default);

    /// <summary>Applies all changes atomically (all or nothing), including the ownership marker.</summary>
    Task ApplyAsync(DnsChangeSet changes, CancellationToken cancellationToken = default);
}
