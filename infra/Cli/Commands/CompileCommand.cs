using System.CommandLine;
using System.Collections;
using MultiRegion.Infra.Compile;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary><c>multiregion compile</c>: the Pulumi YAML compiler hook. Only the program goes to stdout.</summary>
internal static class CompileCommand
{
    public static Command Create(CommandOutput output)
    {
        var command = new Command("compile", "Print the Pulumi YAML program of the stack Pulumi selected (PULUMI_STACK, PULUMI_CONFIG); used by Pulumi.yaml's compiler hook.");
        command.SetAction(_ =>
        {
            var environment = Environment.GetEnvironmentVariables()
                .Cast<DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
            var program = CompilerHook.Compile(environment, Directory.GetCurrentDirectory());
            output.Out.Write(program);
            return ExitCodes.Success;
        });
        return command;
    }
}
