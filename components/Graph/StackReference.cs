namespace MultiRegion.Components.Graph;

/// <summary>
/// A <c>pulumi:pulumi:StackReference</c> to another stack of the same project; the only way values cross stacks,
/// and the edge the planner orders stacks by.
/// </summary>
public sealed class StackReference
{
    internal StackReference(string stackName, Resource resource)
    {
        StackName = stackName;
        Resource = resource;
    }

    public string StackName { get; }

    public Resource Resource { get; }

    public StackOutputValue Output(string name) => new(this, name);
}
