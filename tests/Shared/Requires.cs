namespace MultiRegion.Tests;

/// <summary>
/// Gate for tests that need something outside the repository (a DNS server, npm, dig).
/// On a developer's machine the test is reported as skipped with the reason;
/// when CI=true nothing may be skipped, so the same condition fails the test.
/// </summary>
public static class Requires
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void That(bool condition, string reason)
    {
        if (condition)
        {
            return;
        }

        if (InCi)
        {
            Assert.Fail($"required in CI: {reason}");
        }

        Assert.Skip(reason);
    }

    /// <summary>Returns the full path of an executable on PATH (or in the sbin folders), or skips/fails.</summary>
    public static string Executable(string name)
    {
        var path = FindExecutable(name);
        That(path is not null, $"'{name}' is not installed (.ci/run installs it)");
        return path!;
    }

    public static string? FindExecutable(string name)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/local/sbin"]);
        return dirs.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }
}
