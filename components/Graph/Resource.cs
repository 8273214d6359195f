namespace MultiRegion.Components.Graph;

/// <summary>
/// One resource of a stack's program: a logical name unique in the stack, a real provider type token
/// (<c>aws:ec2/vpc:Vpc</c>), properties and options.
/// </summary>
public sealed class Resource
{
    internal Resource(string name, string type, MapValue properties, ResourceOptions options, IConstruct scope)
    {
        Name = name;
        Type = type;
        Properties = properties;
        Options = options;
        Scope = scope;
    }

    public string Name { get; }

    public string Type { get; }

    public MapValue Properties { get; }

    public ResourceOptions Options { get; }

    /// <summary>The component (or stack) that declared this resource.</summary>
    public IConstruct Scope { get; }

    /// <summary>The package of the type token: <c>aws</c> for <c>aws:ec2/vpc:Vpc</c>, <c>aws</c> for <c>pulumi:providers:aws</c>.</summary>
    public string Package => Type.StartsWith("pulumi:providers:", StringComparison.Ordinal) ? Type["pulumi:providers:".Length..] : Type.Split(':')[0];

    /// <summary>An expression reading an output of this resource, e.g. <c>Output("id")</c> or <c>Output("endpoints[0].address")</c>.</summary>
    public OutputValue Output(string path) => new(this, path);

    /// <summary>Resources this one reads from or explicitly depends on.</summary>
    public IEnumerable<Resource> Dependencies => Properties.References
        .Concat(Options.DependsOn)
        .Concat(Options.Provider is null ? [] : [Options.Provider])
        .Distinct();

    public Value? Property(string name) => Properties.Entries.FirstOrDefault(e => e.Key == name).Value;

    public override string ToString() => $"{Name} ({Type})";
}
