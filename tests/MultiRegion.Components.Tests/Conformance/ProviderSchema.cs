using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MultiRegion.Components.Tests.Conformance;

/// <summary>What one provider's npm SDK declares: resource tokens with their inputs and required inputs, and functions with their arguments.</summary>
public sealed partial class ProviderSchema
{
    public required string Package { get; init; }

    public required Dictionary<string, TypeSchema> Resources { get; init; }

    public required Dictionary<string, TypeSchema> Functions { get; init; }

    public sealed record TypeSchema(HashSet<string> Inputs, HashSet<string> Required);

    public static string CacheDirectory => Environment.GetEnvironmentVariable("MULTIREGION_NPM_CACHE")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "multiregion", "npm");

    /// <summary>The SDK packages and versions pinned in tests/provider-sdks.txt, keyed by Pulumi package name (aws, gcp, …).</summary>
    public static IReadOnlyDictionary<string, (string NpmName, string Version)> Pinned(string repositoryRoot) =>
        File.ReadAllLines(Path.Combine(repositoryRoot, "tests", "provider-sdks.txt"))
            .Where(l => l.StartsWith('@'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0]["@pulumi/".Length..], p => (p[0], p[1]));

    /// <summary>Loads the schema from the cached tarball (fetching it with npm pack if absent), or returns null with the reason.</summary>
    public static ProviderSchema? TryLoad(string package, string npmName, string version, out string reason)
    {
        reason = string.Empty;
        var tarball = Path.Combine(CacheDirectory, $"{npmName.TrimStart('@').Replace('/', '-')}-{version}.tgz");
        var index = tarball + ".schema.json";
        if (File.Exists(index))
        {
            return JsonSerializer.Deserialize<ProviderSchema>(File.ReadAllText(index), JsonOptions);
        }

        if (!File.Exists(tarball) && !TryNpmPack(npmName, version, out reason))
        {
            return null;
        }

        var schema = Parse(package, tarball);
        File.WriteAllText(index, JsonSerializer.Serialize(schema, JsonOptions));
        return schema;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { IncludeFields = true };

    private static bool TryNpmPack(string npmName, string version, out string reason)
    {
        reason = $"{npmName}@{version} is not cached in {CacheDirectory} and npm could not fetch it (.ci/run fetches it)";
        try
        {
            Directory.CreateDirectory(CacheDirectory);
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("npm", ["pack", $"{npmName}@{version}", "--pack-destination", CacheDirectory])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static ProviderSchema Parse(string package, string tarball)
    {
        var resources = new Dictionary<string, TypeSchema>(StringComparer.Ordinal);
        var functions = new Dictionary<string, TypeSchema>(StringComparer.Ordinal);
        using var file = File.OpenRead(tarball);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null || !entry.Name.EndsWith(".js", StringComparison.Ordinal))
            {
                continue;
            }

            using var text = new StreamReader(entry.DataStream);
            var js = text.ReadToEnd();
            var token = PulumiType().Match(js);
            if (token.Success)
            {
                var name = entry.Name.EndsWith("/provider.js", StringComparison.Ordinal) && !token.Groups[1].Value.Contains(':', StringComparison.Ordinal)
                    ? $"pulumi:providers:{token.Groups[1].Value}"
                    : token.Groups[1].Value;
                var inputs = InputAssignment().Matches(js)
                    .Where(m => m.Groups[2].Value.Contains("args", StringComparison.Ordinal) || m.Groups[2].Value.TrimStart().StartsWith('"'))
                    .Select(m => m.Groups[1].Value)
                    .ToHashSet(StringComparer.Ordinal);
                var required = RequiredProperty().Matches(js).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
                resources[name] = new TypeSchema(inputs, required);
            }

            foreach (Match invoke in Invoke().Matches(js))
            {
                var args = InvokeArgument().Matches(invoke.Groups[2].Value).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
                functions.TryAdd(invoke.Groups[1].Value, new TypeSchema(args, []));
            }
        }

        return new ProviderSchema { Package = package, Resources = resources, Functions = functions };
    }

    [GeneratedRegex(@"static __pulumiType = '([^']+)'")]
    private static partial Regex PulumiType();

    [GeneratedRegex(@"resourceInputs\[""(\w+)""\] = ([^;\n]*)")]
    private static partial Regex InputAssignment();

    [GeneratedRegex(@"Missing required property '(\w+)'")]
    private static partial Regex RequiredProperty();

    [GeneratedRegex(@"runtime\.invoke(?:Output|Single|SingleOutput)?\(""([^""]+)"", \{([^}]*)\}", RegexOptions.Singleline)]
    private static partial Regex Invoke();

    [GeneratedRegex(@"""(\w+)"":")]
    private static partial Regex InvokeArgument();
}
