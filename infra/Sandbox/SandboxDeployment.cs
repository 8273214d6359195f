using MultiRegion.Components.Planning;
using MultiRegion.Health;

namespace MultiRegion.Infra.Sandbox;

/// <summary>The result of a sandbox <c>up</c>: the plan, every stack's outcome and the post-deploy check.</summary>
public sealed record SandboxDeployment(StackPlan Plan, IReadOnlyList<DeployedStack> Stacks, CheckCycleResult PostDeployCheck, TimeSpan Elapsed);
