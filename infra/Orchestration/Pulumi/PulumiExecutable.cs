namespace MultiRegion.Infra.Orchestration.Pulumi;

/// <summary>
/// Finds the Pulumi CLI: <c>--pulumi PATH</c>, else <c>MULTIREGION_PULUMI</c>, else <c>pulumi</c> on PATH, else the
/// installer's default <c>~/.pulumi/bin/pulumi</c>.
/// </summary>
public static class PulumiExecutable
{
    public const string EnvironmentVariable = "MULTIREGION_PULUMI";
    public const string InstallUrl = "https://www.pulumi.com/docs/install/";

    /// <summary>The full path of the CLI.</summary>
    /// <exception cref="StackRunnerUnavailableException">Not found; the message says what to install or set.</exception>
    public static string Resolve(string? explicitPath, IReadOnlyDictionary<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return Existing(explicitPath, "--pulumi");
        }

        if (environment.GetValueOrDefault(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Existing(fromEnvironment, EnvironmentVariable);
        }

        var names = OperatingSystem.IsWindows() ? new[] { "pulumi.exe", "pulumi.cmd" } : ["pulumi"];
        var directories = (environment.GetValueOrDefault("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        if (environment.GetValueOrDefault(OperatingSystem.IsWindows() ? "USERPROFILE" : "HOME") is { Length: > 0 } home)
        {
            directories.Add(Path.Combine(home, ".pulumi", "bin"));
        }

        foreach (var candidate in directories.SelectMany(d => names.Select(n => Path.Combine(d, n))))
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new StackRunnerUnavailableException(
            $"the Pulumi CLI ('pulumi') was not found on PATH or in ~/.pulumi/bin; install it ({InstallUrl}), " +
            $"or pass --pulumi PATH or set {EnvironmentVariable}. (Without a cloud account, use --target sandbox.)");
    }

    private static string Existing(string path, string source)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new StackRunnerUnavailableException($"{source}: '{path}' does not exist; install the Pulumi CLI ({InstallUrl}) or point {source} at it.");
        }

        return full;
    }
}
