using MultiRegion.Components.Planning;

namespace MultiRegion.Components.Tests.Planning;

public sealed class StackPlannerTests
{
    private static PlannedStack Stack(string name, params string[] dependsOn) => new(name, dependsOn, 1);

    private static StackPlan ExampleShape() => StackPlanner.Plan(
    [
        Stack("cross-region", "global", "us-east-1", "us-west-2", "eu-central-1"),
        Stack("eu-central-1", "global", "us-east-1"),
        Stack("us-west-2", "global", "us-east-1"),
        Stack("us-east-1", "global"),
        Stack("global"),
    ]);

    [Fact]
    public void Waves_follow_the_references_global_then_primary_then_secondaries_together_then_cross_region()
    {
        var plan = ExampleShape();

        Assert.Equal(4, plan.Waves.Count);
        Assert.Equal(["global"], plan.Waves[0]);
        Assert.Equal(["us-east-1"], plan.Waves[1]);
        Assert.Equal(["eu-central-1", "us-west-2"], plan.Waves[2]);
        Assert.Equal(["cross-region"], plan.Waves[3]);
    }

    [Fact]
    public void Destroy_is_the_exact_reverse()
    {
        var plan = ExampleShape();

        Assert.Equal(plan.Waves.Reverse(), plan.DestroyWaves);
        Assert.Equal("cross-region", plan.DestroyWaves[0].Single());
        Assert.Equal("global", plan.DestroyWaves[^1].Single());
    }

    [Fact]
    public void The_order_does_not_depend_on_declaration_order()
    {
        var a = StackPlanner.Plan([Stack("b", "a"), Stack("a"), Stack("c", "a")]);
        var b = StackPlanner.Plan([Stack("c", "a"), Stack("a"), Stack("b", "a")]);

        Assert.Equal(a.Waves, b.Waves);
    }

    [Fact]
    public void Dependents_and_dependencies_are_transitive()
    {
        var plan = ExampleShape();

        Assert.Equal(["cross-region", "eu-central-1", "us-west-2"], plan.DependentsOf("us-east-1"));
        Assert.Equal(["global", "us-east-1"], plan.DependenciesOf("us-west-2"));
    }

    [Fact]
    public void A_cycle_is_an_error_naming_the_cycle()
    {
        var error = Assert.Throws<StackCycleException>(() => StackPlanner.Plan(
            [Stack("global"), Stack("a", "global", "c"), Stack("b", "a"), Stack("c", "b")]));

        Assert.Equal(["a", "c", "b", "a"], error.Cycle);
        Assert.Equal("stack references form a cycle: a → c → b → a", error.Message);
    }

    [Fact]
    public void A_self_reference_is_a_cycle()
    {
        var error = Assert.Throws<StackCycleException>(() => StackPlanner.Plan([Stack("a", "a")]));

        Assert.Equal(["a", "a"], error.Cycle);
    }

    [Fact]
    public void A_reference_to_a_stack_outside_the_deployment_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => StackPlanner.Plan([Stack("a", "ghost")]));

        Assert.Contains("'ghost'", error.Message, StringComparison.Ordinal);
    }
}
