using System.Globalization;

namespace MultiRegion.Components.Graph;

/// <summary>
/// A resource property or stack output: a literal, a collection, or an expression over other resources' outputs.
/// Expressions carry the resource they read, so the graph knows its dependencies without string parsing.
/// </summary>
public abstract record Value
{
    public static implicit operator Value(string text) => new Scalar(text);

    public static implicit operator Value(int number) => new Scalar(number);

    public static implicit operator Value(long number) => new Scalar(number);

    public static implicit operator Value(bool flag) => new Scalar(flag);

    public static implicit operator Value(double number) => new Scalar(number);

    public static Value List(params Value[] items) => new ListValue(items);

    public static Value List(IEnumerable<Value> items) => new ListValue(items.ToArray());

    public static Value List(IEnumerable<string> items) => new ListValue(items.Select(i => (Value)i).ToArray());

    public static MapValue Map(params (string Key, Value? Value)[] entries) => MapValue.Of(entries);

    public static Value Secret(Value inner) => new SecretValue(inner);

    public static Value Json(Value inner) => new ToJsonValue(inner);

    /// <summary>Every resource this value reads from (directly or nested).</summary>
    public abstract IEnumerable<Resource> References { get; }
}

/// <summary>A string, number or boolean.</summary>
public sealed record Scalar(object Literal) : Value
{
    public override IEnumerable<Resource> References => [];

    public override string ToString() => Convert.ToString(Literal, CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>A list of values.</summary>
public sealed record ListValue(IReadOnlyList<Value> Items) : Value
{
    public override IEnumerable<Resource> References => Items.SelectMany(i => i.References);
}

/// <summary>A mapping; keys are emitted in ordinal order so output never depends on insertion order.</summary>
public sealed record MapValue(IReadOnlyList<KeyValuePair<string, Value>> Entries) : Value
{
    public override IEnumerable<Resource> References => Entries.SelectMany(e => e.Value.References);

    /// <summary>Builds a map, dropping null entries (an unset optional property is simply absent).</summary>
    public static MapValue Of(IEnumerable<(string Key, Value? Value)> entries) => new(
        entries.Where(e => e.Value is not null)
            .Select(e => new KeyValuePair<string, Value>(e.Key, e.Value!))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToArray());

    public static MapValue Of(IReadOnlyDictionary<string, string> strings) =>
        Of(strings.Select(kv => (kv.Key, (Value?)kv.Value)));
}

/// <summary><c>${resource.path}</c>: an output of another resource in the same program.</summary>
public sealed record OutputValue(Resource Resource, string Path) : Value
{
    public override IEnumerable<Resource> References => [Resource];
}

/// <summary><c>${ref.outputs["name"]}</c>: an output of another stack, through a stack reference.</summary>
public sealed record StackOutputValue(StackReference Reference, string OutputName) : Value
{
    public override IEnumerable<Resource> References => [Reference.Resource];
}

/// <summary><c>${pulumi.stack}</c>, <c>${pulumi.project}</c> or <c>${pulumi.organization}</c>.</summary>
public sealed record PulumiContextValue(string Property) : Value
{
    public static PulumiContextValue Organization { get; } = new("organization");

    public static PulumiContextValue Project { get; } = new("project");

    public static PulumiContextValue Stack { get; } = new("stack");

    public override IEnumerable<Resource> References => [];
}

/// <summary>A string built from literal text and expressions, e.g. <c>arn:aws:s3:::${bucket.bucket}/*</c>.</summary>
public sealed record InterpolatedValue(IReadOnlyList<Value> Parts) : Value
{
    public override IEnumerable<Resource> References => Parts.SelectMany(p => p.References);

    public static InterpolatedValue Of(params Value[] parts) => new(parts);
}

/// <summary><c>fn::secret</c>: the value is stored encrypted in state.</summary>
public sealed record SecretValue(Value Inner) : Value
{
    public override IEnumerable<Resource> References => Inner.References;
}

/// <summary><c>fn::toJSON</c>: a structure serialized to a JSON string (policies, dashboards).</summary>
public sealed record ToJsonValue(Value Inner) : Value
{
    public override IEnumerable<Resource> References => Inner.References;
}

/// <summary><c>fn::invoke</c>: a provider function call, optionally through an explicit provider.</summary>
public sealed record InvokeValue(string Function, MapValue Arguments, string? Return, Resource? Provider) : Value
{
    public override IEnumerable<Resource> References =>
        Provider is null ? Arguments.References : Arguments.References.Append(Provider);
}

/// <summary><c>fn::select</c>: one element of a list.</summary>
public sealed record SelectValue(int Index, Value Source) : Value
{
    public override IEnumerable<Resource> References => Source.References;
}
