namespace MultiRegion.Health.Dns;

/// <summary>
/// One record set: name, type, TTL and values; routing fields (set identifier, weight, region, geo)
/// only for providers with routing policies (Route 53). Equality compares values as a set.
/// </summary>
public sealed record DnsRecordSet(
    string Name,
    DnsRecordType Type,
    int Ttl,
    IReadOnlyList<string> Values,
    string? SetIdentifier = null,
    int? Weight = null,
    string? Region = null,
    string? GeoLocation = null)
{
    /// <summary>Identity inside a zone: name, type and set identifier.</summary>
    public string Key => $"{DnsName.Normalize(Name)}|{Type}|{SetIdentifier}";

    public bool Equals(DnsRecordSet? other)
    {
        if (other is null)
        {
            return false;
        }

        return Key == other.Key
            && Ttl == other.Ttl
            && Weight == other.Weight
            && string.Equals(Region, other.Region, StringComparison.Ordinal)
            && string.Equals(GeoLocation, other.GeoLocation, StringComparison.Ordinal)
            && NormalizedValues().SequenceEqual(other.NormalizedValues(), StringComparer.Ordinal);
    }

    public override int GetHashCode() => HashCode.Combine(Key, Ttl);

    /// <summary>Values in canonical form (addresses canonical, names lower-case with a dot), sorted.</summary>
    public IReadOnlyList<string> NormalizedValues() =>
        [.. Values.Select(v => Type == DnsRecordType.TXT ? v : Endpoints.RegionEndpoint.CanonicalValue(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public override string ToString()
    {
        var routing = SetIdentifier is null ? string.Empty : $" [{SetIdentifier}{(Weight is null ? string.Empty : " w=" + Weight)}{(GeoLocation is null ? string.Empty : " geo=" + GeoLocation)}{(Region is null ? string.Empty : " region=" + Region)}]";
        return $"{DnsName.Normalize(Name)} {Ttl} {Type} {string.Join(",", Values)}{routing}";
    }
}
