using System.CommandLine;
using System.Globalization;
using MultiRegion.Components.Configuration;
using MultiRegion.Health;
using MultiRegion.Health.Dns;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.History;
using MultiRegion.Infra.Endpoints;

namespace MultiRegion.Infra.Cli;

/// <summary>
/// The options that say what to check and which DNS to drive, shared by <c>health</c> and <c>failover</c>:
/// endpoints (a file, or the stacks' outputs), the DNS provider and its settings, timing and the history database.
/// Secrets are never options: the PowerDNS key comes from an environment variable, TSIG from a key file, AWS from
/// the SDK's credential chain.
/// </summary>
internal sealed class CheckerOptions
{
    public Option<string?> Endpoints { get; } = new("--endpoints") { Description = "Endpoints file (JSON: service, zone, ttl, policy, endpoints[]); default: read the regional stacks' outputs with the Pulumi CLI" };

    public Option<string> Pulumi { get; } = new("--pulumi") { Description = "The Pulumi CLI to read stack outputs with", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MULTIREGION_PULUMI") ?? "pulumi" };

    public Option<string> Dns { get; } = new("--dns") { Description = "DNS provider: route53, powerdns or rfc2136", Required = true };

    public Option<string?> ZoneId { get; } = new("--zone-id") { Description = "Route 53 hosted zone id" };

    public Option<string?> PowerDnsUrl { get; } = new("--pdns-url") { Description = $"PowerDNS API base URL (key from ${Health.Dns.PowerDns.PowerDnsProvider.ApiKeyVariable})" };

    public Option<string?> DnsServer { get; } = new("--dns-server") { Description = "RFC 2136 server, IP[:port]" };

    public Option<string?> TsigKeyFile { get; } = new("--tsig-key-file") { Description = "RFC 2136 TSIG key file (tsig-keygen format)" };

    public Option<string> Owner { get; } = new("--owner") { Description = "Ownership id written in the TXT marker; records of other owners are never touched", DefaultValueFactory = _ => "multiregion" };

    public Option<string?> History { get; } = new("--history") { Description = "History database (default: .multiregion/history.db in the project)" };

    public Option<double> Interval { get; } = new("--interval") { Description = "Seconds between probe rounds", DefaultValueFactory = _ => 10 };

    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds before a probe counts as failed", DefaultValueFactory = _ => 2 };

    public Option<int> FailureThreshold { get; } = new("--failure-threshold") { Description = "Consecutive failures before a region is offline", DefaultValueFactory = _ => 3 };

    public Option<int> SuccessThreshold { get; } = new("--success-threshold") { Description = "Consecutive successes before it is healthy again", DefaultValueFactory = _ => 3 };

    public Option<double> Dwell { get; } = new("--dwell") { Description = "Minimum seconds between two transitions of a region", DefaultValueFactory = _ => 30 };

    public Option<bool> Insecure { get; } = new("--insecure") { Description = "Do not verify TLS certificates of health URLs" };

    public IEnumerable<Option> All =>
        [Endpoints, Pulumi, Dns, ZoneId, PowerDnsUrl, DnsServer, TsigKeyFile, Owner, History, Interval, Timeout, FailureThreshold, SuccessThreshold, Dwell, Insecure];

    public HealthCheckOptions CheckOptions(ParseResult result)
    {
        var options = new HealthCheckOptions
        {
            Interval = Seconds(result.GetValue(Interval), "--interval"),
            Timeout = Seconds(result.GetValue(Timeout), "--timeout"),
            FailureThreshold = result.GetValue(FailureThreshold),
            SuccessThreshold = result.GetValue(SuccessThreshold),
            MinimumDwell = Seconds(result.GetValue(Dwell), "--dwell", allowZero: true),
            VerifyTls = !result.GetValue(Insecure),
        };
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new CommandFailedException(string.Join(Environment.NewLine + "error: ", errors), ExitCodes.Usage);
        }

        return options;
    }

    public async Task<ServiceDefinition> ServiceAsync(ParseResult result, GlobalOptions global, CancellationToken cancellationToken)
    {
        if (result.GetValue(Endpoints) is { } file)
        {
            return EndpointFileLoader.Load(file);
        }

        var directory = ProjectLocator.Locate(result.GetValue(global.Project));
        var project = ProjectLoader.LoadDirectory(directory);
        var endpoints = await new StackOutputEndpoints(result.GetValue(Pulumi)!, directory).ReadAsync(project, cancellationToken);
        return ServiceDefinitions.From(project.Topology, endpoints);
    }

    public IDnsProvider Provider(ParseResult result)
    {
        var kind = result.GetValue(Dns)!;
        if (kind == "embedded")
        {
            throw new CommandFailedException("--dns embedded serves DNS from inside a running process: use `multiregion sandbox serve` for it", ExitCodes.Usage);
        }

        return new DnsProviderSettings
        {
            Kind = kind,
            OwnerId = result.GetValue(Owner)!,
            Route53HostedZoneId = result.GetValue(ZoneId),
            PowerDnsUrl = result.GetValue(PowerDnsUrl) is { } url ? ParseUrl(url) : null,
            Rfc2136Server = result.GetValue(DnsServer),
            TsigKeyFile = result.GetValue(TsigKeyFile),
        }.CreateProvider();
    }

    public HealthHistory OpenHistory(ParseResult result, GlobalOptions global)
    {
        var path = result.GetValue(History);
        if (path is null)
        {
            var directory = result.GetValue(Endpoints) is not null && result.GetValue(global.Project) is null
                ? TryLocate() ?? Directory.GetCurrentDirectory()
                : ProjectLocator.Locate(result.GetValue(global.Project));
            path = ProjectPaths.HistoryDatabase(directory);
        }

        return HealthHistory.Open(path);
    }

    private static string? TryLocate()
    {
        try
        {
            return ProjectLocator.Locate(null);
        }
        catch (ConfigurationException)
        {
            return null;
        }
    }

    private static Uri ParseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CommandFailedException($"--pdns-url must be an http(s) URL (value: '{url}')", ExitCodes.Usage);

    private static TimeSpan Seconds(double value, string option, bool allowZero = false) =>
        double.IsFinite(value) && (value > 0 || (allowZero && value == 0)) && value <= 86_400
            ? TimeSpan.FromSeconds(value)
            : throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture, $"{option} must be a number of seconds{(allowZero ? " (0 or more)" : " above 0")} and at most 86400 (value: {value})"), ExitCodes.Usage);
}
