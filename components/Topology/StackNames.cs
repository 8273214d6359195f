namespace MultiRegion.Components.Topology;

/// <summary>The names of the two stacks that are not regions.</summary>
public static class StackNames
{
    public const string Global = "global";
    public const string CrossRegion = "cross-region";

    public static bool IsRegional(string stack) => stack is not Global and not CrossRegion;
}
