using MultiRegion.Components.Planning;

namespace MultiRegion.Infra.Tests.Orchestration;

/// <summary>Hand-built plans with the shape of the design (§3): global → primary → secondaries → cross-region.</summary>
internal static class TestPlans
{
    public static readonly string[] Secondaries = ["us-west-2", "eu-central-1", "ap-southeast-1"];

    /// <summary>global → us-east-1 → [us-west-2 ∥ eu-central-1 ∥ ap-southeast-1] → cross-region.</summary>
    public static StackPlan Example() => StackPlanner.Plan(
    [
        new PlannedStack("global", [], 5),
        new PlannedStack("us-east-1", ["global"], 30),
        new PlannedStack("us-west-2", ["global", "us-east-1"], 30),
        new PlannedStack("eu-central-1", ["global", "us-east-1"], 30),
        new PlannedStack("ap-southeast-1", ["global", "us-east-1"], 30),
        new PlannedStack("cross-region", ["global", "us-east-1", "us-west-2", "eu-central-1", "ap-southeast-1"], 20),
    ]);

    /// <summary>Waves [a ∥ b] → [c ∥ d] where c needs only a and d needs only b.</summary>
    public static StackPlan TwoChains() => StackPlanner.Plan(
    [
        new PlannedStack("a", [], 1),
        new PlannedStack("b", [], 1),
        new PlannedStack("c", ["a"], 1),
        new PlannedStack("d", ["b"], 1),
    ]);

    public static StackPlan Independent(int count) => StackPlanner.Plan(
        Enumerable.Range(1, count).Select(i => new PlannedStack($"s{i:00}", [], 1)));
}
