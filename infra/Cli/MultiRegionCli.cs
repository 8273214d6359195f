using System.CommandLine;
using MultiRegion.Infra.Cli.Commands;

namespace MultiRegion.Infra.Cli;

/// <summary>The <c>multiregion</c> command line.</summary>
public static class MultiRegionCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var output = new CommandOutput(stdout, stderr);
        var global = new GlobalOptions();
        var root = new RootCommand("MultiRegion: one service in several regions — validate, plan, synthesize and deploy the stacks, check health, drive DNS failover, run drills.");
        root.Options.Add(global.Project);
        foreach (var command in Commands(global, output))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("run 'multiregion --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            // Ctrl+C cancels the action's token; the process is only terminated if the action has not returned after
            // ProcessTerminationTimeout (default 2 s), which must cover pulumi's clean stop after SIGINT (see CliProcess).
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(45) });
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, stderr);
        }
    }

    private static IEnumerable<Command> Commands(GlobalOptions global, CommandOutput output) =>
    [
        ValidateCommand.Create(global, output),
        PlanCommand.Create(global, output),
        SynthCommand.Create(global, output),
        CompileCommand.Create(output),
        StackOperationCommand.Create(Orchestration.StackOperation.Up, global, output),
        StackOperationCommand.Create(Orchestration.StackOperation.Preview, global, output),
        StackOperationCommand.Create(Orchestration.StackOperation.Refresh, global, output),
        StackOperationCommand.Create(Orchestration.StackOperation.Destroy, global, output),
        HealthCommand.Create(global, output),
        FailoverCommand.Create(global, output),
        HistoryCommand.Create(global, output),
        SandboxCommand.Create(global, output),
        DrillCommand.Create(global, output),
        VerifyCommand.Create(global, output),
        DemoCommand.Create(global, output),
    ];
}
