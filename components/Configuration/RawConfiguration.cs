namespace MultiRegion.Components.Configuration;

/// <summary>
/// Config before interpretation: project-level entries (Pulumi.yaml <c>config:</c>) and each stack's own entries
/// (stacks/Pulumi.&lt;stack&gt;.yaml), keyed by namespaced key (<c>multiregion:regions</c>, <c>aws:region</c>).
/// </summary>
public sealed record RawConfiguration(
    string ProjectName,
    IReadOnlyDictionary<string, ConfigEntry> Project,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, ConfigEntry>> Stacks,
    IReadOnlyDictionary<string, string> StackFiles)
{
    /// <summary>The namespace of the project's own keys.</summary>
    public const string ProjectNamespace = "multiregion";

    /// <summary>Project config with one stack's entries laid over it, the way Pulumi merges them.</summary>
    public IReadOnlyDictionary<string, ConfigEntry> ForStack(string stack)
    {
        var merged = new Dictionary<string, ConfigEntry>(Project, StringComparer.Ordinal);
        if (Stacks.TryGetValue(stack, out var own))
        {
            foreach (var (key, entry) in own)
            {
                merged[key] = entry;
            }
        }

        return merged;
    }

    public static string Namespaced(string key) => key.Contains(':', StringComparison.Ordinal) ? key : $"{ProjectNamespace}:{key}";
}
