using System.CommandLine;
using System.Globalization;
using MultiRegion.Health;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Infra.Cli;

/// <summary>The checker and listener settings of a sandbox, as command-line options (shared by up, serve, drill, demo).</summary>
internal sealed class SandboxSettingsOptions
{
    public Option<TimeSpan?> Interval { get; } = CliOptions.Duration("--interval", "Health-check interval of the sandbox's checker (default 1s; demo 500ms)");

    public Option<int?> Threshold { get; } = new("--threshold") { Description = "Consecutive failed probes before a region is offline (1-10; default 3; demo 2)" };

    public Option<int?> SuccessThreshold { get; } = new("--success-threshold") { Description = "Consecutive good probes before a region is healthy again (1-20; default 2)" };

    public Option<TimeSpan?> Dwell { get; } = CliOptions.Duration("--dwell", "Minimum time a region stays in a state (default 0s)");

    public Option<int?> DnsPort { get; } = new("--dns-port") { Description = "Port of the embedded DNS server on 127.0.0.1 (default: a free port)" };

    public Option<bool> SharedAddress { get; } = new("--shared-address") { Description = "Bind every region to 127.0.0.1 (CNAME answers), as on macOS, even where 127.0.0.2+ exist" };

    public Option<string?> DnsProvider { get; } = new("--dns-provider") { Description = "Write the service record to a real DNS server instead of the embedded one: rfc2136 (BIND, Knot) or powerdns" };

    public Option<string?> DnsServer { get; } = new("--dns-server") { Description = "With --dns-provider: the real server's DNS address HOST:PORT (what clients and drills query)" };

    public Option<string?> Rfc2136Server { get; } = new("--rfc2136-server") { Description = "rfc2136: where updates go, IP:PORT (default: --dns-server)" };

    public Option<string?> TsigKeyFile { get; } = new("--tsig-key-file") { Description = "rfc2136: the TSIG key file (tsig-keygen output)" };

    public Option<string?> PowerDnsUrl { get; } = new("--powerdns-url") { Description = "powerdns: the API base URL, e.g. http://127.0.0.1:8081/ (key from PDNS_API_KEY)" };

    /// <param name="externalDns">Also offer --dns-provider and its settings (not for commands that have their own --dns-server).</param>
    public void AddTo(Command command, bool externalDns = true)
    {
        if (externalDns)
        {
            command.Options.Add(DnsProvider);
            command.Options.Add(DnsServer);
            command.Options.Add(Rfc2136Server);
            command.Options.Add(TsigKeyFile);
            command.Options.Add(PowerDnsUrl);
        }

        command.Options.Add(Interval);
        command.Options.Add(Threshold);
        command.Options.Add(SuccessThreshold);
        command.Options.Add(Dwell);
        command.Options.Add(DnsPort);
        command.Options.Add(SharedAddress);
    }

    private SandboxDnsTarget? ReadExternalDns(ParseResult result)
    {
        var kind = result.GetValue(DnsProvider)?.Trim().ToLowerInvariant();
        if (kind is null or "embedded")
        {
            foreach (var option in new[] { DnsServer, Rfc2136Server, TsigKeyFile, PowerDnsUrl })
            {
                if (result.GetResult(option) is not null && result.GetValue(option) is not null)
                {
                    throw new CommandFailedException($"{option.Name}: only with --dns-provider rfc2136|powerdns", ExitCodes.Usage);
                }
            }

            return null;
        }

        if (kind is not ("rfc2136" or "powerdns"))
        {
            throw new CommandFailedException($"--dns-provider: '{kind}' must be rfc2136 or powerdns (or embedded, the default)", ExitCodes.Usage);
        }

        var server = result.GetValue(DnsServer) ?? (kind == "rfc2136" ? result.GetValue(Rfc2136Server) : null)
            ?? throw new CommandFailedException("--dns-server: required with --dns-provider (the real server's DNS address, HOST:PORT)", ExitCodes.Usage);
        Uri? url = null;
        if (kind == "powerdns" && (result.GetValue(PowerDnsUrl) is not { } text || !Uri.TryCreate(text, UriKind.Absolute, out url)))
        {
            throw new CommandFailedException($"--powerdns-url: '{result.GetValue(PowerDnsUrl)}' must be the API's absolute URL, e.g. http://127.0.0.1:8081/", ExitCodes.Usage);
        }

        if (kind == "rfc2136" && result.GetValue(TsigKeyFile) is null)
        {
            throw new CommandFailedException("--tsig-key-file: required with --dns-provider rfc2136", ExitCodes.Usage);
        }

        return new SandboxDnsTarget(kind, Drills.DnsServerEndpoint.Parse(server), result.GetValue(Rfc2136Server), result.GetValue(TsigKeyFile), url);
    }

    public bool AnyGiven(ParseResult result) =>
        result.GetValue(Interval) is not null || result.GetValue(Threshold) is not null || result.GetValue(SuccessThreshold) is not null || result.GetValue(Dwell) is not null;

    public SandboxSettings Read(ParseResult result, SandboxSettings defaults)
    {
        var settings = defaults with
        {
            Interval = result.GetValue(Interval) ?? defaults.Interval,
            FailureThreshold = result.GetValue(Threshold) ?? defaults.FailureThreshold,
            SuccessThreshold = result.GetValue(SuccessThreshold) ?? defaults.SuccessThreshold,
            MinimumDwell = result.GetValue(Dwell) ?? defaults.MinimumDwell,
            DnsPort = result.GetValue(DnsPort) ?? defaults.DnsPort,
            SharedLoopbackAddress = result.GetValue(SharedAddress) || defaults.SharedLoopbackAddress,
            ExternalDns = ReadExternalDns(result) ?? defaults.ExternalDns,
        };
        if (settings.DnsPort is < 0 or > 65535)
        {
            throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture, $"--dns-port: {settings.DnsPort} must be between 1 and 65535"), ExitCodes.Usage);
        }

        try
        {
            settings.ToHealthCheckOptions();
        }
        catch (HealthConfigurationException ex)
        {
            throw new CommandFailedException($"sandbox settings: {ex.Message}", ExitCodes.Usage);
        }

        return settings;
    }
}
