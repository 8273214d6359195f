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

    public void AddTo(Command command)
    {
        command.Options.Add(Interval);
        command.Options.Add(Threshold);
        command.Options.Add(SuccessThreshold);
        command.Options.Add(Dwell);
        command.Options.Add(DnsPort);
        command.Options.Add(SharedAddress);
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
