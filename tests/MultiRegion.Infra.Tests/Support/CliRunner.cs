using MultiRegion.Infra.Cli;

namespace MultiRegion.Infra.Tests.Support;

/// <summary>Runs the CLI entry point in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await MultiRegionCli.RunAsync(args, TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr));
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}
