using MultiRegion.Components.Emit;
using MultiRegion.Components.Stacks;
using YamlDotNet.RepresentationModel;
using MultiRegion.Components.Policy;

namespace MultiRegion.Components.Tests.Aws;

public sealed class PlanOrderTests
{
    [Fact]
    public void Example_plan_is_global_then_primary_then_secondaries_in_parallel_then_cross_region()
    {
        var plan = AwsTestProject.Synthesizer(AwsTestProject.Example()).Plan();
        Assert.Equal(4, plan.Waves.Count);
        Assert.Equal(["global"], plan.Waves[0]);
        Assert.Equal(["us-east-1"], plan.Waves[1]);
        Assert.Equal(["ap-southeast-1", "eu-central-1", "us-west-2"], plan.Waves[2].Order(StringComparer.Ordinal));
        Assert.Equal(["cross-region"], plan.Waves[3]);
        Assert.Equal(["global"], plan["us-east-1"].DependsOn);
        Assert.Equal(["global", "us-east-1"], plan["us-west-2"].DependsOn.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_example_stack_emits_a_parseable_program_and_passes_the_policy_gate()
    {
        var project = AwsTestProject.Example();
        var stacks = AwsTestProject.Synthesizer(project).BuildAll();
        foreach (var stack in stacks)
        {
            var yaml = PulumiYamlEmitter.Emit(stack);
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var resources = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["resources"];
            Assert.Equal(stack.Resources.Count, resources.Children.Count);
        }

        var report = PolicyGate.Evaluate(project, stacks);
        Assert.Empty(report.Findings);
    }
}
