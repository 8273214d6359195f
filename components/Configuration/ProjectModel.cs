using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Configuration;

/// <summary>A loaded, validated project: the topology and the settings of each stack.</summary>
public sealed record ProjectModel(string ProjectName, DeploymentTopology Topology, IReadOnlyDictionary<string, StackSettings> Stacks)
{
    /// <summary>Every stack of the deployment: global, one per region, cross-region.</summary>
    public IEnumerable<string> StackNamesInDeclarationOrder =>
        new[] { StackNames.Global }
            .Concat(Topology.Regions.Select(r => r.Id))
            .Append(StackNames.CrossRegion);

    public StackSettings SettingsFor(string stack) =>
        Stacks.TryGetValue(stack, out var settings) ? settings : new StackSettings(stack, null, new Dictionary<string, ConfigEntry>());
}
