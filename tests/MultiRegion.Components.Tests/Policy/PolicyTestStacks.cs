using MultiRegion.Components.Aws;
using MultiRegion.Components.Configuration;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Policy;
using MultiRegion.Components.Tests.Aws;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Tests.Policy;

/// <summary>Hand-built stacks that break one rule each, evaluated against the example topology.</summary>
internal static class PolicyTestStacks
{
    public static ProjectModel Project { get; } = AwsTestProject.InMemory();

    public static StackDefinition Regional(string region = "us-east-1")
    {
        var stack = new StackDefinition(region, "test");
        AwsProviders.Declare(stack, region, new Dictionary<string, string>(), isDefault: true);
        return stack;
    }

    public static PolicyReport Evaluate(params StackDefinition[] stacks) => PolicyGate.Evaluate(Project, stacks);

    public static PolicyReport Evaluate(ProjectModel project, params StackDefinition[] stacks) => PolicyGate.Evaluate(project, stacks);

    public static ProjectModel WithWaivers(params PolicyWaiver[] waivers) => Project with
    {
        Topology = Project.Topology with { Global = Project.Topology.Global with { Waivers = waivers } },
    };

    public static IReadOnlyList<PolicyFinding> Of(this PolicyReport report, string ruleId) =>
        report.Findings.Where(f => f.RuleId == ruleId).ToArray();
}
