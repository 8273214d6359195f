using System.Globalization;
using System.Net;
using MultiRegion.Health.Dns;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// Where the sandbox's service record lives. By default the embedded DNS server the global stack starts; or a real
/// DNS server the checker writes to through a provider of the health library (RFC 2136 to BIND/Knot, the PowerDNS
/// API), with the stand-in endpoints still local: drills then measure a real server's answer.
/// </summary>
/// <param name="Provider">rfc2136 or powerdns.</param>
/// <param name="QueryServer">Where clients (and drills) ask: the authoritative server's DNS address and port.</param>
/// <param name="Rfc2136Server">rfc2136: the server updates go to (default: <paramref name="QueryServer"/>).</param>
/// <param name="TsigKeyFile">rfc2136: the BIND key file (tsig-keygen output).</param>
/// <param name="PowerDnsUrl">powerdns: the API base URL; the key comes from PDNS_API_KEY.</param>
public sealed record SandboxDnsTarget(string Provider, IPEndPoint QueryServer, string? Rfc2136Server = null, string? TsigKeyFile = null, Uri? PowerDnsUrl = null)
{
    public DnsProviderSettings ProviderSettings(string ownerId) => new()
    {
        Kind = Provider,
        OwnerId = ownerId,
        Rfc2136Server = Rfc2136Server ?? QueryServer.ToString(),
        TsigKeyFile = TsigKeyFile is null ? null : Path.GetFullPath(TsigKeyFile),
        PowerDnsUrl = PowerDnsUrl,
    };

    /// <summary>The same target as arguments of a child <c>sandbox serve</c>.</summary>
    public IReadOnlyList<string> ToServeArguments()
    {
        var args = new List<string> { "--dns-provider", Provider, "--dns-server", QueryServer.ToString() };
        if (Rfc2136Server is not null)
        {
            args.AddRange(["--rfc2136-server", Rfc2136Server]);
        }

        if (TsigKeyFile is not null)
        {
            args.AddRange(["--tsig-key-file", Path.GetFullPath(TsigKeyFile)]);
        }

        if (PowerDnsUrl is not null)
        {
            args.AddRange(["--powerdns-url", PowerDnsUrl.ToString()]);
        }

        return args;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Provider} → {QueryServer}");
}
