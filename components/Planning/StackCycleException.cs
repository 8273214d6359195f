namespace MultiRegion.Components.Planning;

/// <summary>The stack references form a cycle; the message names it (<c>a → b → a</c>).</summary>
public sealed class StackCycleException : Exception
{
    public StackCycleException(IReadOnlyList<string> cycle)
        : base($"stack references form a cycle: {string.Join(" → ", cycle)}")
    {
        Cycle = cycle;
    }

    public IReadOnlyList<string> Cycle { get; }
}
