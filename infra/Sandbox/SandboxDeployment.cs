using MultiRegion.Components.Planning;

namespace MultiRegion.Infra.Sandbox;

/// <summary>The result of a sandbox <c>up</c>: the plan and every stack's outcome (the cross-region one includes the post-deploy check).</summary>
public sealed record SandboxDeployment(StackPlan Plan, IReadOnlyList<DeployedStack> Stacks, TimeSpan Elapsed);
