using MultiRegion.Components.Configuration;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Stacks;

/// <summary>What every stack builder gets: the project, the stack being built, and that stack's settings.</summary>
public abstract record StackContext(ProjectModel Project, StackDefinition Stack, StackSettings Settings)
{
    public DeploymentTopology Topology => Project.Topology;

    public GlobalSettings Global => Project.Topology.Global;

    /// <summary>Tags every taggable resource carries (set once, as provider default tags where the cloud has them).</summary>
    public IReadOnlyDictionary<string, string> DefaultTags
    {
        get
        {
            var tags = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["environment"] = Global.Environment,
                ["cost-center"] = Global.CostCenter,
                ["managed-by"] = "multiregion",
                ["stack"] = Stack.Name,
            };
            foreach (var (key, value) in Global.DefaultTags)
            {
                tags[key] = value;
            }

            return tags;
        }
    }
}

public sealed record GlobalStackContext(ProjectModel Project, StackDefinition Stack, StackSettings Settings)
    : StackContext(Project, Stack, Settings);

public sealed record RegionalStackContext(ProjectModel Project, StackDefinition Stack, StackSettings Settings, Region Region)
    : StackContext(Project, Stack, Settings);

public sealed record CrossRegionStackContext(ProjectModel Project, StackDefinition Stack, StackSettings Settings)
    : StackContext(Project, Stack, Settings)
{
    /// <summary>Reads an output of a region's stack (through a memoized stack reference).</summary>
    public StackOutputValue RegionOutput(Region region, string output) => Stack.Reference(region.Id).Output(output);

    public StackOutputValue GlobalOutput(string output) => Stack.Reference(StackNames.Global).Output(output);
}
