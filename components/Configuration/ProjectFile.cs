using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MultiRegion.Components.Configuration;

/// <summary>Reads YAML files (Pulumi.yaml, stack files) into mapping nodes, turning parse failures into <see cref="ConfigError"/>s.</summary>
internal static class ProjectFile
{
    public static YamlMappingNode? ReadMapping(string path, string displayName, List<ConfigError> errors)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            errors.Add(new ConfigError(displayName, "(file)", null, $"cannot be read: {ex.Message}"));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            errors.Add(new ConfigError(displayName, $"line {ex.Start.Line}, column {ex.Start.Column}", null, $"malformed YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlMappingNode();
        }

        if (stream.Documents[0].RootNode is YamlMappingNode mapping)
        {
            return mapping;
        }

        errors.Add(new ConfigError(displayName, "(document)", null, "must be a YAML mapping"));
        return null;
    }

    public static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static string? Scalar(YamlMappingNode mapping, string key) => (Child(mapping, key) as YamlScalarNode)?.Value;

    /// <summary>
    /// A project-level config declaration is a plain value, <c>{ value: … }</c>, or a schema with <c>default</c>.
    /// </summary>
    public static JsonNode? ProjectConfigValue(YamlNode node)
    {
        if (node is YamlMappingNode mapping)
        {
            if (Child(mapping, "value") is { } value)
            {
                return YamlToJson.Convert(value);
            }

            if (Child(mapping, "type") is not null)
            {
                return Child(mapping, "default") is { } fallback ? YamlToJson.Convert(fallback) : null;
            }
        }

        return YamlToJson.Convert(node);
    }

}
