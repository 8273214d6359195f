namespace MultiRegion.Health.Dns;

/// <summary>Record types the checker publishes (TXT only for its ownership marker).</summary>
public enum DnsRecordType
{
    A,
    AAAA,
    CNAME,
    TXT,
}
