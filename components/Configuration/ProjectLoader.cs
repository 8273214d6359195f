namespace MultiRegion.Components.Configuration;

/// <summary>
/// The one loader: reads a source (the project on disk, or PULUMI_CONFIG under the compiler hook), interprets and
/// validates it. Any rejected input raises <see cref="ConfigurationException"/> listing every error; nothing else
/// escapes for bad input.
/// </summary>
public static class ProjectLoader
{
    public static ProjectModel Load(IConfigurationSource source)
    {
        RawConfiguration raw;
        try
        {
            raw = source.Read();
        }
        catch (ConfigurationException)
        {
            throw;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or InvalidCastException)
        {
            throw new ConfigurationException(new ConfigError(source.GetType().Name, "(input)", null, ex.Message));
        }

        var errors = new List<ConfigError>();
        var topology = TopologyReader.Read(raw, errors);
        TopologyValidator.Validate(topology, raw, requireStackFiles: source is DiskConfigurationSource, errors);
        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors.Distinct().ToArray());
        }

        var stacks = raw.Stacks.ToDictionary(
            s => s.Key,
            s => new StackSettings(s.Key, raw.StackFiles.TryGetValue(s.Key, out var file) ? file : null, raw.ForStack(s.Key)),
            StringComparer.Ordinal);
        return new ProjectModel(raw.ProjectName, topology, stacks);
    }

    /// <summary>Loads the project in <paramref name="directory"/> from Pulumi.yaml and its stack files.</summary>
    public static ProjectModel LoadDirectory(string directory) => Load(new DiskConfigurationSource(directory));
}
