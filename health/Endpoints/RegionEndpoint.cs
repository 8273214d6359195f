using System.Net;

namespace MultiRegion.Health.Endpoints;

/// <summary>One region's health URL and the DNS answer that sends traffic to it.</summary>
/// <param name="RegionId">Stable region id, e.g. "eu-west-1".</param>
/// <param name="HealthUrl">HTTP(S) URL probed with GET.</param>
/// <param name="Target">DNS answer value: an IPv4/IPv6 address (A/AAAA) or a host name (CNAME).</param>
/// <param name="Priority">Higher is preferred by the failover policy.</param>
/// <param name="Weight">Relative weight for the weighted policy.</param>
/// <param name="Enabled">Disabled regions are never published (except when failing open).</param>
/// <param name="GeoLocation">Continent code ("EU", "NA", "AS"…) or "*" for the default answer.</param>
public sealed record RegionEndpoint(
    string RegionId,
    Uri HealthUrl,
    string Target,
    int Priority = 0,
    int Weight = 1,
    bool Enabled = true,
    string? GeoLocation = null)
{
    /// <summary>The record type the target needs.</summary>
    public Dns.DnsRecordType RecordType => TargetRecordType(Target);

    /// <summary>The target as written in DNS: addresses canonical, host names fully qualified (trailing dot).</summary>
    public string CanonicalTarget => CanonicalValue(Target);

    public static Dns.DnsRecordType TargetRecordType(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IPAddress.TryParse(target, out var address))
        {
            return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? Dns.DnsRecordType.AAAA : Dns.DnsRecordType.A;
        }

        return Dns.DnsRecordType.CNAME;
    }

    public static string CanonicalValue(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IPAddress.TryParse(target, out var address))
        {
            return address.ToString();
        }

        return Dns.DnsName.Normalize(target);
    }
}
