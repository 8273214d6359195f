using System.CommandLine;
using System.Globalization;
using System.Net;
using MultiRegion.Health.History;
using MultiRegion.Infra.Drills;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary>
/// <c>multiregion drill --region R</c>: inject a failure, measure detection and the DNS change (by polling DNS over
/// UDP), restore, measure fail-back, write the report and the history entry. Uses the running sandbox, or starts one
/// for the drill; <c>--dns-server</c>/<c>--name</c> poll any other DNS server instead.
/// </summary>
internal static class DrillCommand
{
    public static Command Create(GlobalOptions global, CommandOutput output)
    {
        var region = new Option<string>("--region") { Description = "The region to fail", Required = true };
        var mode = new Option<string>("--mode") { Description = "503 (the health check answers 503) or stop (connections refused)", DefaultValueFactory = _ => "503" };
        var reportDir = new Option<string?>("--report-dir") { Description = "Folder for the Markdown + SVG reports (default .multiregion/sandbox/reports)" };
        var count = new Option<int>("--count") { Description = "How many drills to run in a row (p50/p95 at the end)", DefaultValueFactory = _ => 1 };
        var dnsServer = new Option<string?>("--dns-server") { Description = "Poll this DNS server (HOST:PORT) instead of the sandbox's" };
        var zone = new Option<string?>("--zone") { Description = "The zone of --name when --name is relative (default: the topology's domain)" };
        var name = new Option<string?>("--name") { Description = "The name to poll (default: the topology's service name, e.g. app.example.com)" };
        var poll = CliOptions.Duration("--poll", "How often DNS is polled (default 20ms)");
        var settings = new SandboxSettingsOptions();
        var command = new Command("drill", "Fail a region, measure time to detection and until the DNS answer changes (polling DNS), restore, measure fail-back, write a report and a history entry.")
        {
            region, mode, reportDir, count, dnsServer, zone, name, poll,
        };
        settings.AddTo(command, externalDns: false);
        command.SetAction(async (result, cancellationToken) =>
        {
            var failure = SandboxCommand.ParseMode(result.GetValue(mode));
            var drills = result.GetValue(count);
            if (drills is < 1 or > 1000)
            {
                throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture, $"--count: {drills} must be between 1 and 1000"), ExitCodes.Usage);
            }

            var directory = ProjectLocator.Locate(result.GetValue(global.Project));
            var paths = SandboxPaths.ForProject(directory);
            var topology = global.LoadProject(result).Topology;
            var running = SandboxState.TryRead(paths.StateFile) is { } s && s.ProcessIsAlive() ? s : null;

            SandboxSession? session = null;
            SandboxControlClient? client = null;
            HealthHistory? history = null;
            try
            {
                ISandboxControl control;
                TimeSpan interval;
                int threshold;
                if (running is not null)
                {
                    client = new SandboxControlClient(new Uri(running.ControlUrl));
                    control = client;
                    interval = TimeSpan.FromMilliseconds(running.IntervalMs);
                    threshold = running.FailureThreshold;
                    history = HealthHistory.Open(running.HistoryPath);
                    if (settings.AnyGiven(result))
                    {
                        output.Out.WriteLine("note: a sandbox is running; its checker settings are used, --interval/--threshold/--success-threshold/--dwell are ignored");
                    }

                    output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drilling the running sandbox (pid {running.Pid}; interval {interval.TotalMilliseconds:0} ms, threshold {threshold})"));
                }
                else
                {
                    var sandboxSettings = settings.Read(result, new SandboxSettings());
                    output.Out.WriteLine($"no sandbox is running: starting one for the drill ({sandboxSettings.Describe()})");
                    session = await SandboxSession.StartAsync(directory, sandboxSettings, TextWriter.Null, writeState: false, cancellationToken);
                    control = session.Host;
                    interval = sandboxSettings.Interval;
                    threshold = sandboxSettings.FailureThreshold;
                    history = session.History;
                }

                var status = await control.StatusAsync(cancellationToken);
                var server = result.GetValue(dnsServer) is { } text ? DnsServerEndpoint.Parse(text) : new IPEndPoint(IPAddress.Parse(status.DnsHost), status.DnsPort);
                var polled = ServiceName(result.GetValue(name), result.GetValue(zone), status.Service, topology.Global.Domain);
                var drillSettings = new DrillSettings(
                    result.GetValue(region)!,
                    failure,
                    server,
                    polled,
                    interval,
                    threshold,
                    result.GetValue(reportDir) ?? paths.ReportsDirectory)
                {
                    PollInterval = result.GetValue(poll) ?? TimeSpan.FromMilliseconds(20),
                };
                var outcomes = await DrillCampaign.RunAsync(control, drillSettings, history, drills, output.Out, cancellationToken);
                if (history is not null)
                {
                    output.Out.WriteLine($"history: {history.Path} (drills table)");
                }

                return outcomes.All(o => o.Result.Success) ? ExitCodes.Success : ExitCodes.Failure;
            }
            finally
            {
                client?.Dispose();
                if (session is not null)
                {
                    await session.DisposeAsync();
                }
                else
                {
                    history?.Dispose();
                }
            }
        });
        return command;
    }

    /// <summary>The name to poll: <c>--name</c> (relative names completed with <c>--zone</c>), else the service.</summary>
    internal static string ServiceName(string? name, string? zone, string service, string domain)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return service;
        }

        var trimmed = name.Trim();
        if (trimmed.EndsWith('.'))
        {
            return trimmed;
        }

        var apex = (zone ?? domain).Trim().TrimEnd('.');
        return trimmed.EndsWith("." + apex, StringComparison.OrdinalIgnoreCase) || trimmed.Equals(apex, StringComparison.OrdinalIgnoreCase) ? trimmed + "." : $"{trimmed}.{apex}.";
    }
}
