using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MultiRegion.Infra.Drills;
using MultiRegion.Infra.Example;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary>
/// <c>multiregion sandbox up|serve|status|down|fail|restore</c>: the local deployment target. <c>serve</c> runs it in
/// the foreground until Ctrl+C; <c>up</c> starts <c>serve</c> in the background and returns; the others reach a
/// running sandbox through the control endpoint recorded in .multiregion/sandbox/state.json.
/// </summary>
internal static class SandboxCommand
{
    public static Command Create(GlobalOptions global, CommandOutput output)
    {
        var command = new Command("sandbox", "Deploy the example to the local machine (loopback HTTP endpoints, embedded DNS, the health checker) and operate it.");
        command.Subcommands.Add(CreateUp("up", "Deploy every stack to a background sandbox in plan order, run the post-deploy check, print endpoints and the DNS answer, and return.", global, output));
        command.Subcommands.Add(CreateServe(global, output));
        command.Subcommands.Add(CreateStatus(global, output));
        command.Subcommands.Add(CreateDown(global, output));
        command.Subcommands.Add(CreateFail(global, output));
        command.Subcommands.Add(CreateRestore(global, output));
        return command;
    }

    /// <summary><c>sandbox up</c> (also the top-level <c>up</c>'s sandbox target).</summary>
    public static Command CreateUp(string name, string description, GlobalOptions global, CommandOutput output, Option<string>? target = null)
    {
        var settings = new SandboxSettingsOptions();
        var command = new Command(name, description);
        settings.AddTo(command);
        if (target is not null)
        {
            command.Options.Add(target);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            if (target is not null && result.GetValue(target) is { } t && t != "sandbox")
            {
                throw new CommandFailedException($"--target: '{t}' is not available in this build; targets: sandbox", ExitCodes.Usage);
            }

            var directory = ProjectLocator.Locate(result.GetValue(global.Project));
            var sandboxSettings = settings.Read(result, new SandboxSettings());
            var synthesizer = global.Synthesizer(result);
            using var background = new BackgroundSandbox(directory, sandboxSettings);
            var runner = new SandboxStackRunner(background, synthesizer);
            output.Out.WriteLine($"deploying to the sandbox (target sandbox, in the background): {sandboxSettings.Describe()}");
            var deployment = await new SandboxDeployer(synthesizer, runner).UpAsync(output.Out, cancellationToken);
            if (background.WasRunning)
            {
                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(updated the sandbox already running as pid {background.State!.Pid}; its checker settings are unchanged)"));
            }

            var status = await background.Client.StatusAsync(cancellationToken);
            var ready = DateTimeOffset.UtcNow + sandboxSettings.SettleTimeout;
            while (status.Regions.Any(r => r.Health != "Healthy") && DateTimeOffset.UtcNow < ready)
            {
                await Task.Delay(50, cancellationToken);
                status = await background.Client.StatusAsync(cancellationToken);
            }

            await SandboxSummaryPrinter.PrintAsync(output.Out, deployment.Plan, status, cancellationToken);
            var paths = SandboxPaths.ForProject(directory);
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sandbox running in the background: pid {background.State!.Pid}, control {background.State.ControlUrl}, state {paths.StateFile}, log {paths.LogFile}"));
            output.Out.WriteLine("next: multiregion drill --region " + status.Regions.OrderByDescending(r => r.Priority).First().Id + "   |   multiregion sandbox status   |   multiregion sandbox down");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateServe(GlobalOptions global, CommandOutput output)
    {
        var settings = new SandboxSettingsOptions();
        var logFile = new Option<string?>("--log-file") { Description = "Write output to this file instead of stdout (used by 'sandbox up')", Hidden = true };
        var noDeploy = new Option<bool>("--no-deploy") { Description = "Start empty: stacks are deployed into it by 'sandbox up' or 'up --target sandbox' from another process" };
        var command = new Command("serve", "Deploy to the sandbox and keep it running in the foreground (checker in watch mode, control and status endpoint) until Ctrl+C or 'sandbox down'.") { logFile, noDeploy };
        settings.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var directory = ProjectLocator.Locate(result.GetValue(global.Project));
            var sandboxSettings = settings.Read(result, new SandboxSettings());
            var file = result.GetValue(logFile);
            await using var fileWriter = file is null ? null : new StreamWriter(file, append: false) { AutoFlush = true };
            var log = fileWriter is null ? output.Out : TextWriter.Synchronized(fileWriter);
            log.WriteLine($"sandbox: {sandboxSettings.Describe()}");
            if (result.GetValue(noDeploy))
            {
                await using var empty = await SandboxSession.StartEmptyAsync(directory, sandboxSettings, cancellationToken);
                log.WriteLine($"empty sandbox waiting for stacks: control {empty.ControlUrl}, state {empty.Paths.StateFile}");
                return await ServeUntilStoppedAsync(empty, log, cancellationToken);
            }

            await using var session = await SandboxSession.StartAsync(directory, sandboxSettings, log, writeState: true, cancellationToken);
            await session.Host.WaitUntilSettledAsync(sandboxSettings.SettleTimeout, cancellationToken);
            var status = await session.Host.StatusAsync(cancellationToken);
            await SandboxSummaryPrinter.PrintAsync(log, session.Deployment!.Plan, status, cancellationToken);
            log.WriteLine($"status: {session.ControlUrl}status   state: {session.Paths.StateFile}");
            log.WriteLine("serving; Ctrl+C or 'multiregion sandbox down' stops it (events follow)");
            return await ServeUntilStoppedAsync(session, log, cancellationToken);
        });
        return command;
    }

    /// <summary>Prints events until Ctrl+C or a shutdown request, then destroys the stacks in reverse order.</summary>
    private static async Task<int> ServeUntilStoppedAsync(SandboxSession session, TextWriter log, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, session.ShutdownRequested);
        var seen = session.Host.Events.LastSequence;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(100, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            foreach (var e in session.Host.Events.After(seen))
            {
                seen = e.Sequence;
                log.WriteLine(Describe(e));
            }
        }

        if (session.ShutdownRequested.IsCancellationRequested)
        {
            // let the control endpoint finish the response that asked for the shutdown
            await Task.Delay(200, CancellationToken.None);
        }

        log.WriteLine("stopping: destroying the stacks in reverse order");
        await session.StopAsync(log);
        log.WriteLine("sandbox stopped");
        return ExitCodes.Success;
    }

    private static Command CreateStatus(GlobalOptions global, CommandOutput output)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON" };
        var command = new Command("status", "Show the running sandbox: regions, their health, the active region and the DNS answer.") { json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var directory = ProjectLocator.Locate(result.GetValue(global.Project));
            var (client, state) = SandboxControlClient.ForProject(directory);
            using (client)
            {
                var status = await client.StatusAsync(cancellationToken);
                if (result.GetValue(json))
                {
                    output.Out.WriteLine(JsonSerializer.Serialize(status, SandboxState.JsonOptions));
                    return ExitCodes.Success;
                }

                var plan = Platforms.SynthesizerFor(global.LoadProject(result)).Plan();
                output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sandbox pid {state.Pid}, started {state.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, control {state.ControlUrl}"));
                await SandboxSummaryPrinter.PrintAsync(output.Out, plan, status, cancellationToken);
                if (status.LastError is not null)
                {
                    output.Out.WriteLine($"checker: last error: {status.LastError}");
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command CreateDown(GlobalOptions global, CommandOutput output)
    {
        var command = new Command("down", "Stop the running sandbox: destroy its stacks in reverse order and end its process.");
        command.SetAction(async (result, cancellationToken) =>
        {
            var directory = ProjectLocator.Locate(result.GetValue(global.Project));
            var paths = SandboxPaths.ForProject(directory);
            var state = SandboxState.TryRead(paths.StateFile);
            if (state is null || !state.ProcessIsAlive())
            {
                if (state is not null)
                {
                    File.Delete(paths.StateFile);
                }

                output.Out.WriteLine("no sandbox is running for this project");
                return ExitCodes.Success;
            }

            using (var client = new SandboxControlClient(new Uri(state.ControlUrl)))
            {
                try
                {
                    await client.ShutdownAsync(cancellationToken);
                }
                catch (CommandFailedException ex)
                {
                    output.Error.WriteLine($"warning: {ex.Message}");
                }
            }

            var stopped = await WaitForExitAsync(state, TimeSpan.FromSeconds(20), cancellationToken);
            if (!stopped && state.Pid != Environment.ProcessId)
            {
                using var process = Process.GetProcessById(state.Pid);
                process.Kill(entireProcessTree: true);
                output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: the sandbox (pid {state.Pid}) did not stop within 20 s and was killed"));
            }

            if (File.Exists(paths.StateFile) && SandboxState.TryRead(paths.StateFile)?.Pid == state.Pid)
            {
                File.Delete(paths.StateFile);
            }

            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sandbox stopped (pid {state.Pid})"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateFail(GlobalOptions global, CommandOutput output)
    {
        var region = new Argument<string>("region") { Description = "The region whose endpoint should fail" };
        var mode = new Option<string>("--mode") { Description = "503 (answer 503) or stop (refuse connections)", DefaultValueFactory = _ => "503" };
        var command = new Command("fail", "Make a region of the running sandbox fail (its health check answers 503, or it stops listening).") { region, mode };
        command.SetAction(async (result, cancellationToken) =>
        {
            var failure = ParseMode(result.GetValue(mode));
            var (client, _) = SandboxControlClient.ForProject(ProjectLocator.Locate(result.GetValue(global.Project)));
            using (client)
            {
                var name = await CanonicalRegionAsync(client, result.GetValue(region)!, cancellationToken);
                await client.FailAsync(name, failure, cancellationToken);
                output.Out.WriteLine($"{name}: failing ({(failure == EndpointFailureMode.Stop ? "stopped, connections refused" : "/healthz answers 503")})");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command CreateRestore(GlobalOptions global, CommandOutput output)
    {
        var region = new Argument<string>("region") { Description = "The region to bring back" };
        var command = new Command("restore", "Bring a failed region of the running sandbox back (serving, /healthz 200).") { region };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (client, _) = SandboxControlClient.ForProject(ProjectLocator.Locate(result.GetValue(global.Project)));
            using (client)
            {
                var name = await CanonicalRegionAsync(client, result.GetValue(region)!, cancellationToken);
                await client.RestoreAsync(name, cancellationToken);
                output.Out.WriteLine($"{name}: serving");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    internal static EndpointFailureMode ParseMode(string? text) =>
        SandboxControlServer.TryParseMode(text, out var mode)
            ? mode
            : throw new CommandFailedException($"--mode: '{text}' must be 503 or stop", ExitCodes.Usage);

    internal static async Task<string> CanonicalRegionAsync(ISandboxControl control, string region, CancellationToken cancellationToken)
    {
        var status = await control.StatusAsync(cancellationToken);
        return status.Find(region)?.Id
            ?? throw new CommandFailedException($"region: '{region}' is not a region of the sandbox; regions: {string.Join(", ", status.Regions.Select(r => r.Id))}", ExitCodes.Usage);
    }

    internal static string Describe(SandboxEvent e) => e.Kind switch
    {
        "transition" => $"{e.At:HH:mm:ss.fff} {e.Region}: {e.From?.ToLowerInvariant()} → {e.To?.ToLowerInvariant()} ({e.Detail})",
        "failover" => $"{e.At:HH:mm:ss.fff} failover: {e.From} → {e.To} ({e.Detail})",
        "dns" => $"{e.At:HH:mm:ss.fff} DNS: {e.Detail}",
        _ => $"{e.At:HH:mm:ss.fff} {e.Region}: {e.Kind} ({e.Detail})",
    };

    private static async Task<bool> WaitForExitAsync(SandboxState state, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (state.Pid == Environment.ProcessId)
            {
                // A sandbox served by this very process (tests): it has stopped once its state file is gone.
                if (!File.Exists(SandboxPaths.ForProject(state.ProjectDirectory).StateFile))
                {
                    return true;
                }
            }
            else if (!state.ProcessIsAlive())
            {
                return true;
            }

            await Task.Delay(50, cancellationToken);
        }

        return false;
    }
}
