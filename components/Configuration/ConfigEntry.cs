using System.Text.Json.Nodes;

namespace MultiRegion.Components.Configuration;

/// <summary>A config value as Pulumi holds it (namespaced key), with the file or variable it came from.</summary>
public sealed record ConfigEntry(string Key, JsonNode? Value, string Source);
