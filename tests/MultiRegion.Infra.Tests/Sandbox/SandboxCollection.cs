namespace MultiRegion.Infra.Tests.Sandbox;

/// <summary>Sandbox and drill tests measure time on real sockets: they run one at a time, not in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SandboxCollection
{
    public const string Name = "sandbox (timing-sensitive, serial)";
}
