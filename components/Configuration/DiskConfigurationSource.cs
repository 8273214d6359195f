using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MultiRegion.Components.Configuration;

/// <summary>
/// Reads the project the way the Pulumi CLI lays it out: <c>Pulumi.yaml</c> (project config) and
/// <c>&lt;stackConfigDir&gt;/Pulumi.&lt;stack&gt;.yaml</c> (each stack's own config).
/// </summary>
public sealed partial class DiskConfigurationSource(string projectDirectory) : IConfigurationSource
{
    public string ProjectDirectory { get; } = Path.GetFullPath(projectDirectory);

    public RawConfiguration Read()
    {
        var errors = new List<ConfigError>();
        var projectPath = Path.Combine(ProjectDirectory, "Pulumi.yaml");
        if (!File.Exists(projectPath))
        {
            throw new ConfigurationException(new ConfigError(projectPath, "(file)", null, "not found: run from the project root or pass --project DIR"));
        }

        var project = ProjectFile.ReadMapping(projectPath, "Pulumi.yaml", errors) ?? throw new ConfigurationException(errors);
        var name = ProjectFile.Scalar(project, "name") ?? string.Empty;
        var projectEntries = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        if (ProjectFile.Child(project, "config") is YamlMappingNode config)
        {
            foreach (var (keyNode, valueNode) in config.Children)
            {
                var key = RawConfiguration.Namespaced(((YamlScalarNode)keyNode).Value ?? string.Empty);
                projectEntries[key] = new ConfigEntry(key, ProjectFile.ProjectConfigValue(valueNode), "Pulumi.yaml");
            }
        }

        var stackDirName = ProjectFile.Scalar(project, "stackConfigDir") ?? ".";
        var stackDir = Path.Combine(ProjectDirectory, stackDirName);
        var stacks = new SortedDictionary<string, IReadOnlyDictionary<string, ConfigEntry>>(StringComparer.Ordinal);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(stackDir))
        {
            foreach (var file in Directory.EnumerateFiles(stackDir).Order(StringComparer.Ordinal))
            {
                var match = StackFileName().Match(Path.GetFileName(file));
                if (!match.Success)
                {
                    continue;
                }

                var stack = match.Groups["stack"].Value;
                var display = Path.GetRelativePath(ProjectDirectory, file).Replace('\\', '/');
                files[stack] = display;
                stacks[stack] = ReadStackFile(file, display, errors);
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }

        return new RawConfiguration(name, projectEntries, stacks, files);
    }

    private static Dictionary<string, ConfigEntry> ReadStackFile(string path, string display, List<ConfigError> errors)
    {
        var entries = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        var mapping = ProjectFile.ReadMapping(path, display, errors);
        if (mapping is null)
        {
            return entries;
        }

        switch (ProjectFile.Child(mapping, "config"))
        {
            case null:
                break;
            case YamlMappingNode config:
                foreach (var (keyNode, valueNode) in config.Children)
                {
                    var key = RawConfiguration.Namespaced(((YamlScalarNode)keyNode).Value ?? string.Empty);
                    entries[key] = new ConfigEntry(key, YamlToJson.Convert(valueNode), display);
                }

                break;
            default:
                errors.Add(new ConfigError(display, "config", null, "must be a mapping of namespaced keys to values"));
                break;
        }

        return entries;
    }

    [GeneratedRegex(@"^Pulumi\.(?<stack>[A-Za-z0-9_.-]+)\.ya?ml$")]
    private static partial Regex StackFileName();
}
