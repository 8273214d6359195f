namespace MultiRegion.Components.Graph;

/// <summary>A program variable (Pulumi YAML <c>variables:</c>), computed once and read by many resources.</summary>
public sealed class Variable
{
    internal Variable(string name, Value value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public Value Value { get; }

    /// <summary><c>${name}</c>, or <c>${name[0]}</c> / <c>${name.field}</c> with a path.</summary>
    public VariableValue Read(string? path = null) => new(this, path);
}

/// <summary>An expression reading a variable.</summary>
public sealed record VariableValue(Variable Variable, string? Path) : Value
{
    public override IEnumerable<Resource> References => Variable.Value.References;
}
