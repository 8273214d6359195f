namespace MultiRegion.Components.Graph;

/// <summary>
/// A reusable group of resources (the CDK construct idea). Subclasses take an args record with secure defaults and
/// declare their resources in the constructor; resource names are prefixed with the component path so they stay
/// stable and unique in the stack.
/// </summary>
public abstract class Component : IConstruct
{
    protected Component(IConstruct scope, string name)
    {
        ArgumentNullException.ThrowIfNull(scope);
        Parent = scope;
        Name = name;
        Stack = scope.Stack;
    }

    public string Name { get; }

    public IConstruct? Parent { get; }

    public StackDefinition Stack { get; }

    /// <summary>The camelCase prefix of this component's resources: the names from the stack down to here.</summary>
    public string Path
    {
        get
        {
            var names = new Stack<string>();
            for (IConstruct? node = this; node is Component c; node = c.Parent)
            {
                names.Push(c.Name);
            }

            return LogicalName.Of([.. names]);
        }
    }

    /// <summary>Declares a resource named <c>{path}{LocalName}</c>.</summary>
    protected Resource Resource(string localName, string type, MapValue properties, ResourceOptions? options = null) =>
        Stack.Add(this, LogicalName.Of(Path, localName), type, properties, options ?? ResourceOptions.None);
}
