using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRegion.Components.Configuration;

namespace MultiRegion.Components.Tests.Support;

/// <summary>
/// Builds PULUMI_CONFIG the way Pulumi does for the compiler hook: project config merged with the stack file,
/// keys namespaced, every value a string (structured values JSON-encoded).
/// </summary>
public static class PulumiConfig
{
    public static string For(string projectDirectory, string stack)
    {
        var raw = new DiskConfigurationSource(projectDirectory).Read();
        var result = new JsonObject();
        foreach (var (key, entry) in raw.ForStack(stack).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            result[key] = entry.Value switch
            {
                null => null,
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                JsonValue v => v.ToJsonString(),
                var structured => structured.ToJsonString(),
            };
        }

        return result.ToJsonString();
    }
}
