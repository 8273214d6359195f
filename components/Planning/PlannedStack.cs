namespace MultiRegion.Components.Planning;

/// <summary>A stack in the plan: what it depends on (stacks it references) and how many resources it declares.</summary>
public sealed record PlannedStack(string Name, IReadOnlyList<string> DependsOn, int ResourceCount);
