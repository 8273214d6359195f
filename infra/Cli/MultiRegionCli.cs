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
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
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
        SandboxUpCommand.Create(global, output),
        SandboxCommand.Create(global, output),
        DrillCommand.Create(global, output),
        VerifyCommand.Create(global, output),
        DemoCommand.Create(global, output),
    ];
}
