using System.Globalization;

namespace MultiRegion.Infra.Sandbox;

/// <summary>A stack's Pulumi program, compiled: how many resources and how much YAML, and how long it took.</summary>
public sealed record CompiledStack(string Stack, int Resources, int YamlCharacters, TimeSpan Elapsed)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"compiled the Pulumi program: {Resources} resources, {YamlCharacters / 1024.0:0.0} KB of YAML in {Elapsed.TotalMilliseconds:0} ms");
}
