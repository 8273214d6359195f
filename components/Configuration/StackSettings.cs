namespace MultiRegion.Components.Configuration;

/// <summary>One stack's merged configuration (project config with the stack file laid over it).</summary>
public sealed record StackSettings(string StackName, string? File, IReadOnlyDictionary<string, ConfigEntry> Config)
{
    public string? Get(string key) => Config.TryGetValue(key, out var entry) ? ConfigObject.Display(entry.Value) : null;
}
