using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Policy;

/// <summary>Reading literal structure out of graph values: paths into maps, booleans, texts, list items.</summary>
public static class ValueQuery
{
    /// <summary>Follows a dotted path of map keys (<c>metadataOptions.httpTokens</c>), looking through secrets and toJSON.</summary>
    public static Value? At(Value? value, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = value;
        foreach (var key in path.Split('.'))
        {
            current = Unwrap(current) is MapValue map ? map.Entries.FirstOrDefault(e => e.Key == key).Value : null;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    public static Value? At(Resource resource, string path)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return At(resource.Properties, path);
    }

    public static Value? Unwrap(Value? value) => value switch
    {
        SecretValue s => Unwrap(s.Inner),
        ToJsonValue j => Unwrap(j.Inner),
        _ => value,
    };

    /// <summary>A literal <c>true</c> (boolean or the string the provider sometimes types it as).</summary>
    public static bool IsTrue(Value? value) => Unwrap(value) is Scalar s
        && (s.Literal is true || (s.Literal is string text && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The literal string, or null for anything else.</summary>
    public static string? Text(Value? value) => Unwrap(value) is Scalar { Literal: string text } ? text : null;

    public static IReadOnlyList<Value> Items(Value? value) => Unwrap(value) is ListValue list ? list.Items : [];

    /// <summary>Whether the value is set to something (a literal or an expression).</summary>
    public static bool IsSet(Value? value) => value is not null && !(value is Scalar { Literal: string text } && text.Length == 0);

    /// <summary>Every literal string anywhere inside the value.</summary>
    public static IEnumerable<string> Texts(Value? value) => Unwrap(value) switch
    {
        Scalar { Literal: string text } => [text],
        ListValue l => l.Items.SelectMany(Texts),
        MapValue m => m.Entries.SelectMany(e => Texts(e.Value)),
        InterpolatedValue i => i.Parts.SelectMany(Texts),
        _ => [],
    };
}
