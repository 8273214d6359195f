using MultiRegion.Components.Configuration;

namespace MultiRegion.Infra.Cli;

/// <summary>Finds the Pulumi project: <c>--project DIR</c>, else the nearest folder upwards holding a Pulumi.yaml.</summary>
internal static class ProjectLocator
{
    public static string Locate(string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            var full = Path.GetFullPath(explicitDirectory);
            if (!File.Exists(Path.Combine(full, "Pulumi.yaml")))
            {
                throw new ConfigurationException(new ConfigError("--project", "project", explicitDirectory, "no Pulumi.yaml in this folder"));
            }

            return full;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new ConfigurationException(new ConfigError("--project", "project", Directory.GetCurrentDirectory(), "no Pulumi.yaml here or in any parent folder; run from the project or pass --project DIR"));
    }
}
