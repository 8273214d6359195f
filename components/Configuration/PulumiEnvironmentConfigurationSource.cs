using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiRegion.Components.Configuration;

/// <summary>
/// The configuration Pulumi's YAML language host passes the compiler hook: <c>PULUMI_CONFIG</c> is a JSON object of
/// <c>"namespace:key"</c> to string, with structured values JSON-encoded inside the string; project and stack config
/// are already merged, so every entry is attributed to the selected stack.
/// </summary>
public sealed class PulumiEnvironmentConfigurationSource(string projectName, string stack, string configJson) : IConfigurationSource
{
    public const string Source = "PULUMI_CONFIG";

    public RawConfiguration Read()
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(configJson) as JsonObject
                ?? throw new ConfigurationException(new ConfigError(Source, "(value)", null, "must be a JSON object"));
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException(new ConfigError(Source, "(value)", null, $"malformed JSON: {ex.Message}"));
        }

        var entries = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        foreach (var (rawKey, value) in root)
        {
            var key = RawConfiguration.Namespaced(rawKey);
            entries[key] = new ConfigEntry(key, Decode(key, value), Source);
        }

        return new RawConfiguration(
            projectName,
            entries,
            new Dictionary<string, IReadOnlyDictionary<string, ConfigEntry>> { [stack] = new Dictionary<string, ConfigEntry>() },
            new Dictionary<string, string>());
    }

    private static JsonNode? Decode(string key, JsonNode? value)
    {
        if (value is not JsonValue scalar || !scalar.TryGetValue<string>(out var text))
        {
            return value?.DeepClone();
        }

        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new ConfigurationException(new ConfigError(Source, key, text.Length > 60 ? text[..60] + "…" : text, $"malformed JSON value: {ex.Message}"));
            }
        }

        return JsonValue.Create(text);
    }
}
