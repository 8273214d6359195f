namespace MultiRegion.Components.Graph;

/// <summary>
/// The root of a construct tree: one Pulumi stack's program. Holds the resources (in declaration order), the stack
/// outputs, the stack references, and the explicit provider each package's resources use by default.
/// </summary>
public sealed class StackDefinition : IConstruct
{
    private readonly List<Resource> _resources = [];
    private readonly Dictionary<string, Resource> _byName = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Value> _outputs = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, StackReference> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Resource> _defaultProviders = new(StringComparer.Ordinal);
    private readonly List<Variable> _variables = [];

    public StackDefinition(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>The stack's name (<c>global</c>, <c>us-east-1</c>, <c>cross-region</c>).</summary>
    public string Name { get; }

    public string Description { get; }

    IConstruct? IConstruct.Parent => null;

    StackDefinition IConstruct.Stack => this;

    public IReadOnlyList<Resource> Resources => _resources;

    public IReadOnlyDictionary<string, Value> Outputs => _outputs;

    public IReadOnlyList<Variable> Variables => _variables;

    public IReadOnlyCollection<StackReference> References => _references.Values;

    /// <summary>The stacks this one reads outputs from: the edges of the stack DAG.</summary>
    public IReadOnlySet<string> ReferencedStacks => new SortedSet<string>(_references.Keys, StringComparer.Ordinal);

    public Resource? FindResource(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Declares a resource directly in the stack (outside any component).</summary>
    public Resource AddResource(string name, string type, MapValue properties, ResourceOptions? options = null) =>
        Add(this, name, type, properties, options ?? ResourceOptions.None);

    /// <summary>Declares an explicit provider (<c>pulumi:providers:aws</c>…) and optionally makes it the package's default here.</summary>
    public Resource AddProvider(string name, string package, MapValue properties, bool isDefault)
    {
        var provider = Add(this, name, $"pulumi:providers:{package}", properties, ResourceOptions.None);
        if (isDefault)
        {
            _defaultProviders[package] = provider;
        }

        return provider;
    }

    public Resource? DefaultProvider(string package) => _defaultProviders.GetValueOrDefault(package);

    /// <summary>A reference to another stack of this project; repeated calls return the same reference.</summary>
    public StackReference Reference(string stackName)
    {
        if (stackName == Name)
        {
            throw new InvalidOperationException($"stack '{Name}' cannot reference itself");
        }

        if (_references.TryGetValue(stackName, out var existing))
        {
            return existing;
        }

        var name = LogicalName.Of(stackName, "stack");
        var properties = Value.Map(("name", InterpolatedValue.Of(
            PulumiContextValue.Organization, "/", PulumiContextValue.Project, "/", stackName)));
        var reference = new StackReference(stackName, Add(this, name, "pulumi:pulumi:StackReference", properties, ResourceOptions.None));
        _references[stackName] = reference;
        return reference;
    }

    /// <summary>Declares a program variable; names share the resource namespace.</summary>
    public Variable AddVariable(string name, Value value)
    {
        if (!LogicalName.IsValid(name) || _byName.ContainsKey(name) || _variables.Any(v => v.Name == name))
        {
            throw new InvalidOperationException($"stack '{Name}': variable name '{name}' is invalid or already used");
        }

        var variable = new Variable(name, value);
        _variables.Add(variable);
        return variable;
    }

    /// <summary>Declares a stack output that other stacks (and the health checker) read.</summary>
    public void Export(string name, Value value)
    {
        if (!_outputs.TryAdd(name, value))
        {
            throw new InvalidOperationException($"stack '{Name}' already exports '{name}'");
        }
    }

    internal Resource Add(IConstruct scope, string name, string type, MapValue properties, ResourceOptions options)
    {
        if (!LogicalName.IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a valid logical name (letters, digits, underscore; not starting with a digit)", nameof(name));
        }

        if (_byName.ContainsKey(name) || _variables.Any(v => v.Name == name))
        {
            throw new InvalidOperationException($"stack '{Name}' already has a resource named '{name}'");
        }

        if (options.Provider is null && !type.StartsWith("pulumi:", StringComparison.Ordinal))
        {
            var package = type.Split(':')[0];
            if (_defaultProviders.TryGetValue(package, out var provider))
            {
                options = options with { Provider = provider };
            }
        }

        var resource = new Resource(name, type, properties, options, scope);
        _resources.Add(resource);
        _byName[name] = resource;
        return resource;
    }
}
