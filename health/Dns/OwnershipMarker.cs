namespace MultiRegion.Health.Dns;

/// <summary>
/// The external-dns style TXT registry: a TXT record <c>"heritage=multiregion,owner=&lt;ownerId&gt;"</c> at
/// <c>_multiregion-owner.&lt;name&gt;</c>. A separate (prefixed) name is used because a CNAME may not share its
/// name with a TXT record (RFC 1034 §3.6.2).
/// </summary>
public static class OwnershipMarker
{
    public const string Prefix = "_multiregion-owner";

    public static string Value(string ownerId) => $"heritage=multiregion,owner={ownerId}";

    /// <summary>The owner id in a marker value, or null when the value is not a multiregion marker.</summary>
    public static string? ParseOwner(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim().Trim('"');
        if (!text.StartsWith("heritage=multiregion,", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var part in text.Split(','))
        {
            if (part.StartsWith("owner=", StringComparison.Ordinal))
            {
                return part["owner=".Length..];
            }
        }

        return null;
    }

    public static DnsRecordSet RecordSet(string name, string ownerId, int ttl) =>
        new(DnsName.OwnershipName(name), DnsRecordType.TXT, ttl, [Value(ownerId)]);

    public static void ValidateOwnerId(string ownerId)
    {
        if (string.IsNullOrWhiteSpace(ownerId) || ownerId.Any(c => c is ',' or '"' or '\\' || char.IsWhiteSpace(c) || c > 126))
        {
            throw new HealthConfigurationException($"ownerId: '{ownerId}' must be non-empty printable ASCII without spaces, commas, quotes or backslashes");
        }
    }
}
