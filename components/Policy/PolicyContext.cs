using MultiRegion.Components.Configuration;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Policy;

/// <summary>
/// What rules see: the project (topology, residency exceptions) and the built stacks, with queries over the graph —
/// resources by type, which resources refer to which, and which region a resource or value belongs to.
/// </summary>
public sealed class PolicyContext
{
    public PolicyContext(ProjectModel project, IReadOnlyList<StackDefinition> stacks)
    {
        Project = project;
        Stacks = stacks;
    }

    public ProjectModel Project { get; }

    public DeploymentTopology Topology => Project.Topology;

    public IReadOnlyList<StackDefinition> Stacks { get; }

    /// <summary>Every resource of <paramref name="type"/> in every stack.</summary>
    public IEnumerable<(StackDefinition Stack, Resource Resource)> OfType(string type) =>
        Stacks.SelectMany(s => s.Resources.Where(r => r.Type == type).Select(r => (s, r)));

    /// <summary>Resources of <paramref name="type"/> in <paramref name="stack"/> whose <paramref name="property"/> reads <paramref name="target"/>.</summary>
    public static IEnumerable<Resource> Referencing(StackDefinition stack, Resource target, string type, string property)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return stack.Resources.Where(r => r.Type == type && r.Property(property) is { } v && v.References.Contains(target));
    }

    public Region? RegionOfStack(string stackName) => Topology.Find(stackName);

    /// <summary>The topology region whose provider region is <paramref name="cloudRegion"/> (the highest-priority one if several).</summary>
    public Region? RegionOfCloudRegion(string? cloudRegion) => cloudRegion is null
        ? null
        : Topology.Regions.Where(r => r.CloudRegion == cloudRegion).OrderByDescending(r => r.Priority).FirstOrDefault();

    /// <summary>A resource's region: its stack's, for a regional stack; otherwise its provider's <c>region</c>.</summary>
    public Region? RegionOf(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (RegionOfStack(resource.Scope.Stack.Name) is { } region)
        {
            return region;
        }

        var provider = resource.Options.Provider ?? resource.Scope.Stack.DefaultProvider(resource.Package);
        return RegionOfCloudRegion(ValueQuery.Text(provider?.Property("region")));
    }

    /// <summary>
    /// The region a value comes from: an output of a regional stack, or an output of a resource (then the resource's
    /// region). Null when the value is a literal or its origin is unknown.
    /// </summary>
    public Region? RegionOf(Value? value) => value switch
    {
        StackOutputValue s => RegionOfStack(s.Reference.StackName),
        OutputValue o => RegionOf(o.Resource),
        InterpolatedValue i => i.Parts.Select(RegionOf).FirstOrDefault(r => r is not null),
        _ => null,
    };
}
