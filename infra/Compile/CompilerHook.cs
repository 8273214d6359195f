using MultiRegion.Components.Configuration;
using MultiRegion.Components.Emit;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Stacks;
using MultiRegion.Infra.Example;

namespace MultiRegion.Infra.Compile;

/// <summary>
/// What Pulumi's YAML language host runs (Pulumi.yaml <c>runtime.options.compiler</c>). It calls twice: first with
/// no PULUMI_* variables, to learn which provider packages the program needs; then with PULUMI_STACK and
/// PULUMI_CONFIG, to get the stack's program.
/// </summary>
internal static class CompilerHook
{
    public static string Compile(IReadOnlyDictionary<string, string?> environment, string workingDirectory)
    {
        var stack = environment.GetValueOrDefault("PULUMI_STACK");
        if (string.IsNullOrEmpty(stack))
        {
            return DiscoveryProgram(workingDirectory);
        }

        var project = environment.GetValueOrDefault("PULUMI_PROJECT") is { Length: > 0 } p ? p : "multiregion";
        var config = environment.GetValueOrDefault("PULUMI_CONFIG") is { Length: > 0 } c ? c : "{}";
        var model = ProjectLoader.Load(new PulumiEnvironmentConfigurationSource(project, stack, config));
        var synthesizer = Platforms.SynthesizerFor(model);
        if (!synthesizer.IsStack(stack))
        {
            throw new ConfigurationException(new ConfigError("PULUMI_STACK", "stack", stack, $"is not a stack of this deployment; stacks are: {string.Join(", ", synthesizer.StackNames)}"));
        }

        // The policy gate runs on the stack Pulumi asked for; errors fail the Pulumi operation (stderr), warnings and
        // waivers are logged to stderr (stdout carries only the program).
        var definition = synthesizer.Build(stack);
        Cli.PolicyCheck.Enforce(model, [definition], Console.Error);
        return PulumiYamlEmitter.Emit(definition);
    }

    /// <summary>
    /// The plugin-discovery program: the global stack's program plus an explicit provider for every package any
    /// stack uses, so the language host installs all of them before the real run.
    /// </summary>
    public static string DiscoveryProgram(string workingDirectory)
    {
        var synthesizer = Platforms.SynthesizerFor(ProjectLoader.LoadDirectory(workingDirectory));
        var packages = synthesizer.BuildAll()
            .SelectMany(s => s.Resources)
            .Select(r => r.Package)
            .Where(p => p != "pulumi")
            .ToHashSet(StringComparer.Ordinal);
        var global = synthesizer.Build(Components.Topology.StackNames.Global);
        var declared = global.Resources.Select(r => r.Package).ToHashSet(StringComparer.Ordinal);
        foreach (var package in packages.Where(p => !declared.Contains(p)).Order(StringComparer.Ordinal))
        {
            global.AddProvider(LogicalName.Of(package, "discovery"), package, Value.Map(), isDefault: false);
        }

        return PulumiYamlEmitter.Emit(global);
    }
}
