using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiRegion.Components.Configuration;

/// <summary>
/// Typed reads from one config object that never throw: a wrong value adds a <see cref="ConfigError"/> naming
/// source, field path and value, and the read returns the fallback so every error of a file is reported at once.
/// </summary>
internal sealed class ConfigObject
{
    private readonly JsonObject _node;
    private readonly List<ConfigError> _errors;

    public ConfigObject(JsonObject node, string source, string path, List<ConfigError> errors)
    {
        _node = node;
        Source = source;
        Path = path;
        _errors = errors;
    }

    public string Source { get; }

    public string Path { get; }

    public void Error(string field, JsonNode? value, string problem) =>
        _errors.Add(new ConfigError(Source, Field(field), Display(value), problem));

    public string Field(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    /// <summary>Reports every key not in <paramref name="known"/>: a typo must not be silently ignored.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var (key, value) in _node)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                Error(key, value, $"unknown setting; expected one of: {string.Join(", ", known)}");
            }
        }
    }

    public bool Has(string name) => _node.ContainsKey(name) && _node[name] is not null;

    public string? String(string name, bool required = false)
    {
        var node = _node[name];
        if (node is null)
        {
            if (required)
            {
                Error(name, null, "is required");
            }

            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (required && string.IsNullOrWhiteSpace(text))
            {
                Error(name, node, "must not be empty");
                return null;
            }

            return text;
        }

        if (node is JsonValue other && other.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        {
            return other.ToJsonString();
        }

        Error(name, node, "must be a string");
        return null;
    }

    public int Int(string name, int fallback, int min, int max, bool required = false)
    {
        var node = _node[name];
        if (node is null)
        {
            if (required)
            {
                Error(name, null, "is required");
            }

            return fallback;
        }

        long? parsed = node is JsonValue value ? value.GetValueKind() switch
        {
            JsonValueKind.Number when value.TryGetValue<long>(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        } : null;

        if (parsed is null)
        {
            Error(name, node, "must be a whole number");
            return fallback;
        }

        if (parsed < min || parsed > max)
        {
            Error(name, node, $"must be between {min} and {max}");
            return fallback;
        }

        return (int)parsed.Value;
    }

    public bool Bool(string name, bool fallback)
    {
        var node = _node[name];
        if (node is null)
        {
            return fallback;
        }

        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var b):
                    return b;
            }
        }

        Error(name, node, "must be true or false");
        return fallback;
    }

    public TEnum Enum<TEnum>(string name, TEnum fallback, bool required = false)
        where TEnum : struct, Enum
    {
        var text = String(name, required);
        if (text is null)
        {
            return fallback;
        }

        if (System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
        {
            return parsed;
        }

        var names = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        Error(name, _node[name], $"must be one of: {names}");
        return fallback;
    }

    public ConfigObject? Object(string name)
    {
        var node = _node[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonObject obj)
        {
            return new ConfigObject(obj, Source, Field(name), _errors);
        }

        Error(name, node, "must be a mapping");
        return null;
    }

    public IReadOnlyList<ConfigObject> Objects(string name, bool required = false)
    {
        var node = _node[name];
        if (node is null)
        {
            if (required)
            {
                Error(name, null, "is required");
            }

            return [];
        }

        if (node is not JsonArray array)
        {
            Error(name, node, "must be a list");
            return [];
        }

        var result = new List<ConfigObject>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject obj)
            {
                result.Add(new ConfigObject(obj, Source, $"{Field(name)}[{i}]", _errors));
            }
            else
            {
                _errors.Add(new ConfigError(Source, $"{Field(name)}[{i}]", Display(array[i]), "must be a mapping"));
            }
        }

        return result;
    }

    public IReadOnlyList<string> Strings(string name)
    {
        var node = _node[name];
        if (node is null)
        {
            return [];
        }

        if (node is JsonArray array && array.All(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String))
        {
            return array.Select(item => item!.GetValue<string>()).ToArray();
        }

        Error(name, node, "must be a list of strings");
        return [];
    }

    public IReadOnlyDictionary<string, string> StringMap(string name)
    {
        var node = _node[name];
        if (node is null)
        {
            return new Dictionary<string, string>();
        }

        if (node is JsonObject obj && obj.All(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String))
        {
            return obj.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        }

        Error(name, node, "must be a mapping of strings to strings");
        return new Dictionary<string, string>();
    }

    internal static string? Display(JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.ToJsonString();
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
