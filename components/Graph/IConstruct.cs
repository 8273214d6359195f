namespace MultiRegion.Components.Graph;

/// <summary>A node of the construct tree: a stack, or a component inside it.</summary>
public interface IConstruct
{
    /// <summary>The node's own name; resource names are prefixed with the path of names from the stack down.</summary>
    string Name { get; }

    IConstruct? Parent { get; }

    StackDefinition Stack { get; }
}
