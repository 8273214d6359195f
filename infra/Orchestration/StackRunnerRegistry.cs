using MultiRegion.Components.Configuration;
using MultiRegion.Infra.Orchestration.Pulumi;

namespace MultiRegion.Infra.Orchestration;

/// <summary>What a runner factory may need to build a runner for one run.</summary>
/// <param name="ProjectDirectory">The folder holding Pulumi.yaml.</param>
/// <param name="Project">The loaded, validated project (topology, stack settings).</param>
/// <param name="PulumiPath">The <c>--pulumi</c> option, if given.</param>
/// <param name="Environment">This process's environment.</param>
public sealed record StackRunnerContext(
    string ProjectDirectory,
    ProjectModel Project,
    string? PulumiPath,
    IReadOnlyDictionary<string, string?> Environment,
    TimeProvider Time);

/// <summary>Builds the <see cref="IStackRunner"/> of one <c>--target</c>.</summary>
public interface IStackRunnerFactory
{
    string Target { get; }

    IStackRunner Create(StackRunnerContext context);
}

/// <summary>A factory from a target name and a function.</summary>
public sealed class StackRunnerFactory(string target, Func<StackRunnerContext, IStackRunner> create) : IStackRunnerFactory
{
    public string Target { get; } = target;

    public IStackRunner Create(StackRunnerContext context) => create(context);
}

/// <summary>The deployment targets this build knows, by <c>--target</c> name.</summary>
public sealed class StackRunnerRegistry
{
    /// <summary>What <c>--target</c> defaults to: the local sandbox, so nothing touches a cloud account by accident.</summary>
    public const string DefaultTarget = "sandbox";

    private readonly Dictionary<string, IStackRunnerFactory> _factories;

    public StackRunnerRegistry(IEnumerable<IStackRunnerFactory> factories)
    {
        _factories = factories.ToDictionary(f => f.Target, StringComparer.Ordinal);
    }

    /// <summary>
    /// The targets of this build: the Pulumi CLI, and the local sandbox (a background process that outlives the
    /// command, so <c>up</c> leaves it running for drills and <c>destroy</c> of its last stack ends it).
    /// </summary>
    public static StackRunnerRegistry Default { get; } = new(
    [
        new StackRunnerFactory(PulumiStackRunner.TargetName, c => new PulumiStackRunner(new PulumiRunnerOptions(PulumiExecutable.Resolve(c.PulumiPath, c.Environment), c.ProjectDirectory))),
        new StackRunnerFactory("sandbox", c => Sandbox.SandboxStackRunner.ForBackground(c.ProjectDirectory, Example.Platforms.SynthesizerFor(c.Project))),
    ]);

    public IEnumerable<string> Targets => _factories.Keys.Order(StringComparer.Ordinal);

    /// <exception cref="StackRunnerUnavailableException">No such target in this build.</exception>
    public IStackRunner Create(string target, StackRunnerContext context) =>
        _factories.TryGetValue(target, out var factory)
            ? factory.Create(context)
            : throw new StackRunnerUnavailableException($"target '{target}' is not available in this build; available: {string.Join(", ", Targets)}");
}
