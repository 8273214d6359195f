using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using MultiRegion.Infra.Drills;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary>
/// <c>multiregion demo</c>, the one command for a fresh machine (no cloud account, no Pulumi CLI): deploy the example
/// to the sandbox in plan order, run the post-deploy check, drill a failover of the primary, write the report, tear
/// everything down and exit 0 when the drill passed.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(GlobalOptions global, CommandOutput output)
    {
        var mode = new Option<string>("--mode") { Description = "How the primary fails: 503 or stop", DefaultValueFactory = _ => "503" };
        var reportDir = new Option<string?>("--report-dir") { Description = "Folder for the report (default .multiregion/sandbox/reports)" };
        var settings = new SandboxSettingsOptions();
        var command = new Command("demo", "Deploy the example to the local sandbox, check health, drill a failover of the primary region, write the report; exits by itself.") { mode, reportDir };
        settings.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var total = Stopwatch.StartNew();
            var failure = SandboxCommand.ParseMode(result.GetValue(mode));
            var directory = ProjectLocator.Locate(result.GetValue(global.Project));
            var sandboxSettings = settings.Read(result, SandboxSettings.Demo);
            var output1 = output.Out;
            output1.WriteLine("MultiRegion demo: deploy to the local sandbox (no cloud account, no Pulumi CLI), check health, fail the primary, measure, restore, report.");
            output1.WriteLine($"demo checker settings (fast, for the demo): {sandboxSettings.Describe()}; production uses Pulumi.yaml healthCheck (e.g. 10 s × 3).");
            output1.WriteLine();
            await using var session = await SandboxSession.StartAsync(directory, sandboxSettings, output1, writeState: false, cancellationToken);
            await session.Host.WaitUntilSettledAsync(sandboxSettings.SettleTimeout, cancellationToken);
            var status = await session.Host.StatusAsync(cancellationToken);
            await SandboxSummaryPrinter.PrintAsync(output1, session.Deployment!.Plan, status, cancellationToken);
            output1.WriteLine();

            var primary = session.Host.Topology.Primary.Id;
            var drillSettings = new DrillSettings(
                primary,
                failure,
                new IPEndPoint(IPAddress.Parse(status.DnsHost), status.DnsPort),
                status.Service,
                sandboxSettings.Interval,
                sandboxSettings.FailureThreshold,
                result.GetValue(reportDir) ?? session.Paths.ReportsDirectory);
            var outcomes = await DrillCampaign.RunAsync(session.Host, drillSettings, session.History, 1, output1, cancellationToken);
            var outcome = outcomes[0];
            output1.WriteLine();
            output1.WriteLine("tearing the sandbox down (reverse order)");
            await session.StopAsync(output1);
            output1.WriteLine();
            output1.WriteLine(outcome.Result.Success
                ? $"demo passed in {total.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: {primary} failed, DNS moved to {string.Join(", ", outcome.Result.FailoverRegions)} in {DrillResult.Ms(outcome.Result.Failover)} (bound {DrillResult.Ms(outcome.Result.Bound)}) and back in {DrillResult.Ms(outcome.Result.Failback)} after restore."
                : $"demo FAILED in {total.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: {string.Join("; ", outcome.Result.Problems)}");
            output1.WriteLine($"report:   {outcome.ReportPath}");
            output1.WriteLine($"timeline: {Path.ChangeExtension(outcome.ReportPath, ".svg")}");
            if (outcome.Entry is not null)
            {
                output1.WriteLine($"history:  drill #{outcome.Entry.Id} in {session.History.Path} (multiregion history --sandbox)");
            }

            return outcome.Result.Success ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
