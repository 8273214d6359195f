using System.CommandLine;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary><c>multiregion synth</c>: write each stack's Pulumi YAML program to a folder, for review and diff.</summary>
internal static class SynthCommand
{
    public static Command Create(GlobalOptions global, CommandOutput output)
    {
        var outDir = new Option<string>("--out") { Description = "Folder to write <stack>.yaml files into", DefaultValueFactory = _ => "out/programs" };
        var stack = new Option<string?>("--stack") { Description = "Only this stack (default: every stack)" };
        var command = new Command("synth", "Write each stack's Pulumi YAML program (what `pulumi up` would run) to a folder.") { outDir, stack };
        command.SetAction(result =>
        {
            var synthesizer = global.Synthesizer(result);
            var only = result.GetValue(stack);
            if (only is not null && !synthesizer.IsStack(only))
            {
                throw new CommandFailedException($"--stack: unknown stack '{only}'; stacks are: {string.Join(", ", synthesizer.StackNames)}");
            }

            var names = only is null ? synthesizer.StackNames.ToArray() : [only];

            // Build and check everything first so a failure (or a policy error) writes nothing.
            var stacks = synthesizer.BuildAll();
            PolicyCheck.Enforce(synthesizer.Project, stacks, output.Error);
            var programs = stacks.Where(s => names.Contains(s.Name)).Select(s => (s.Name, Yaml: Components.Emit.PulumiYamlEmitter.Emit(s))).ToArray();
            var directory = Path.GetFullPath(result.GetValue(outDir)!);
            Directory.CreateDirectory(directory);
            foreach (var (name, yaml) in programs)
            {
                var path = Path.Combine(directory, $"{name}.yaml");
                File.WriteAllText(path, yaml);
                output.Out.WriteLine($"wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
