using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiRegion.Components.Configuration;

/// <summary>
/// The configuration Pulumi's YAML language host passes the compiler hook: <c>PULUMI_CONFIG</c> is a JSON object of
/// <c>"namespace:key"</c> to string, with structured values JSON-encoded inside the string; project and stack config
/// are already merged, so the project's own topology keys are taken as project config and everything else (provider
/// keys such as <c>aws:region</c>, per-stack overrides) as the selected stack's config.
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

        var project = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        var own = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        foreach (var (rawKey, value) in root)
        {
            var key = RawConfiguration.Namespaced(rawKey);
            var entry = new ConfigEntry(key, Decode(key, value), Source);
            (IsProjectKey(key) ? project : own)[key] = entry;
        }

        return new RawConfiguration(
            projectName,
            project,
            new Dictionary<string, IReadOnlyDictionary<string, ConfigEntry>> { [stack] = own },
            new Dictionary<string, string>());
    }

    private static bool IsProjectKey(string key)
    {
        const string prefix = RawConfiguration.ProjectNamespace + ":";
        return key.StartsWith(prefix, StringComparison.Ordinal) && SettingKeys.Project.Contains(key[prefix.Length..]);
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
