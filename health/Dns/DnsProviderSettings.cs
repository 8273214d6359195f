using System.Globalization;
using System.Net;
using MultiRegion.Health.Dns.Embedded;
using MultiRegion.Health.Dns.PowerDns;
using MultiRegion.Health.Dns.Rfc2136;
using MultiRegion.Health.Dns.Route53;

namespace MultiRegion.Health.Dns;

/// <summary>
/// Plain settings for creating a provider from the CLI / config: <see cref="Kind"/> is route53, powerdns, rfc2136
/// or embedded; only the fields of that kind are used. Secrets are read from environment variables or files, never
/// passed on the command line.
/// </summary>
public sealed record DnsProviderSettings
{
    public required string Kind { get; init; }

    /// <summary>Owner written in the ownership TXT marker.</summary>
    public required string OwnerId { get; init; }

    /// <summary>route53: hosted zone id.</summary>
    public string? Route53HostedZoneId { get; init; }

    /// <summary>powerdns: API base URL, e.g. http://127.0.0.1:8081/.</summary>
    public Uri? PowerDnsUrl { get; init; }

    /// <summary>powerdns: environment variable holding the API key.</summary>
    public string PowerDnsApiKeyVariable { get; init; } = PowerDnsProvider.ApiKeyVariable;

    /// <summary>rfc2136: server "address:port" (port defaults to 53).</summary>
    public string? Rfc2136Server { get; init; }

    /// <summary>rfc2136: BIND key file (tsig-keygen output).</summary>
    public string? TsigKeyFile { get; init; }

    /// <summary>embedded: the zone store served by an <see cref="EmbeddedDnsServer"/>.</summary>
    public EmbeddedZoneStore? EmbeddedStore { get; init; }

    /// <summary>Creates the provider, or throws one <see cref="HealthConfigurationException"/> naming the missing or bad field.</summary>
    public IDnsProvider CreateProvider(HttpClient? httpClient = null, TimeProvider? timeProvider = null)
    {
        switch (Kind.Trim().ToLowerInvariant())
        {
            case "route53":
                if (string.IsNullOrWhiteSpace(Route53HostedZoneId))
                {
                    throw new HealthConfigurationException("route53.hostedZoneId: missing (the hosted zone id, e.g. Z0123456789ABC)");
                }

                return new Route53DnsProvider(new Route53Options { HostedZoneId = Route53HostedZoneId }, new DefaultAwsCredentialSource(), OwnerId, httpClient, timeProvider);
            case "powerdns":
                if (PowerDnsUrl is null)
                {
                    throw new HealthConfigurationException("powerdns.url: missing (e.g. http://127.0.0.1:8081/)");
                }

                var key = Environment.GetEnvironmentVariable(PowerDnsApiKeyVariable);
                if (string.IsNullOrEmpty(key))
                {
                    throw new HealthConfigurationException($"powerdns.apiKey: environment variable {PowerDnsApiKeyVariable} is not set");
                }

                return new PowerDnsProvider(PowerDnsUrl, key, OwnerId, httpClient);
            case "rfc2136":
                if (string.IsNullOrWhiteSpace(TsigKeyFile))
                {
                    throw new HealthConfigurationException("rfc2136.tsigKeyFile: missing (a tsig-keygen key file)");
                }

                return new Rfc2136DnsProvider(ParseServer(Rfc2136Server), TsigKey.FromBindKeyFile(TsigKeyFile), OwnerId);
            case "embedded":
                return new EmbeddedDnsProvider(EmbeddedStore ?? throw new HealthConfigurationException("embedded.store: missing (start an EmbeddedDnsServer first)"), OwnerId);
            default:
                throw new HealthConfigurationException($"provider: '{Kind}' must be one of route53, powerdns, rfc2136, embedded");
        }
    }

    /// <summary>Parses "address", "address:port" or "[v6]:port".</summary>
    public static IPEndPoint ParseServer(string? server)
    {
        if (!string.IsNullOrWhiteSpace(server))
        {
            if (IPEndPoint.TryParse(server, out var endpoint))
            {
                return endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint;
            }
        }

        throw new HealthConfigurationException(string.Create(CultureInfo.InvariantCulture, $"rfc2136.server: '{server}' must be an IP address with an optional port, e.g. 127.0.0.1:53"));
    }
}
