using MultiRegion.Components.Configuration;
using MultiRegion.Components.Emit;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Planning;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Stacks;

/// <summary>
/// Builds the construct tree of any stack of a project, and the plan across all of them. The primary region's
/// platform owns the global stack and DNS; each region's platform builds its regional stack.
/// </summary>
public sealed class DeploymentSynthesizer
{
    private readonly IReadOnlyDictionary<CloudProvider, ICloudPlatform> _platforms;
    private readonly IReadOnlyList<IStackAddOn> _addOns;

    public DeploymentSynthesizer(ProjectModel project, IEnumerable<ICloudPlatform> platforms, IEnumerable<IStackAddOn>? addOns = null)
    {
        Project = project;
        _platforms = platforms.ToDictionary(p => p.Cloud);
        _addOns = addOns?.ToArray() ?? [];
        foreach (var cloud in project.Topology.Clouds.Where(c => !_platforms.ContainsKey(c)))
        {
            throw new ConfigurationException(new ConfigError("Pulumi.yaml", "regions[*].cloud", cloud.ToString().ToLowerInvariant(), "no component platform is registered for this cloud"));
        }
    }

    public ProjectModel Project { get; }

    public IEnumerable<string> StackNames => Project.StackNamesInDeclarationOrder;

    public bool IsStack(string name) => StackNames.Contains(name, StringComparer.Ordinal);

    public StackDefinition Build(string stackName)
    {
        var topology = Project.Topology;
        var settings = Project.SettingsFor(stackName);
        var dnsPlatform = _platforms[topology.Primary.Cloud];
        switch (stackName)
        {
            case Topology.StackNames.Global:
            {
                var stack = new StackDefinition(stackName, $"{Project.ProjectName}: global resources (zone {topology.Global.Domain}, certificates, identities, dashboards)");
                dnsPlatform.BuildGlobal(new GlobalStackContext(Project, stack, settings));
                return stack;
            }

            case Topology.StackNames.CrossRegion:
            {
                var stack = new StackDefinition(stackName, $"{Project.ProjectName}: cross-region services and DNS for {topology.Global.ServiceFqdn}");
                var context = new CrossRegionStackContext(Project, stack, settings);
                foreach (var group in topology.Regions.GroupBy(r => r.Cloud).OrderBy(g => g.Key))
                {
                    _platforms[group.Key].BuildCrossRegion(context, group.ToArray());
                }

                dnsPlatform.BuildDnsRecords(context);
                foreach (var addOn in _addOns)
                {
                    addOn.BuildCrossRegion(context);
                }

                return stack;
            }

            default:
            {
                var region = topology.Find(stackName)
                    ?? throw new ConfigurationException(new ConfigError("--stack", "stack", stackName, $"unknown stack; stacks are: {string.Join(", ", StackNames)}"));
                var stack = new StackDefinition(stackName, $"{Project.ProjectName}: region {region.Id} ({region.Role.ToString().ToLowerInvariant()}, {region.Cloud.ToString().ToLowerInvariant()} {region.CloudRegion})");
                var regional = new RegionalStackContext(Project, stack, settings, region);
                _platforms[region.Cloud].BuildRegion(regional);
                foreach (var addOn in _addOns)
                {
                    addOn.BuildRegion(regional);
                }

                return stack;
            }
        }
    }

    public IReadOnlyList<StackDefinition> BuildAll() => StackNames.Select(Build).ToArray();

    public string Synthesize(string stackName) => PulumiYamlEmitter.Emit(Build(stackName));

    /// <summary>The apply order, derived from the stack references of every stack's program.</summary>
    public StackPlan Plan() => Plan(BuildAll());

    public static StackPlan Plan(IEnumerable<StackDefinition> stacks) => StackPlanner.Plan(
        stacks.Select(s => new PlannedStack(s.Name, s.ReferencedStacks.ToArray(), s.Resources.Count(r => !r.Type.StartsWith("pulumi:", StringComparison.Ordinal)))));
}
