using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRegion.Components.Configuration;

namespace MultiRegion.Benchmarks;

/// <summary>PULUMI_CONFIG as Pulumi builds it for one stack (project config merged with the stack file, values as strings).</summary>
internal static class PulumiConfigJson
{
    public static string For(string projectDirectory, string stack)
    {
        var result = new JsonObject();
        foreach (var (key, entry) in new DiskConfigurationSource(projectDirectory).Read().ForStack(stack).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            result[key] = entry.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : entry.Value?.ToJsonString();
        }

        return result.ToJsonString();
    }
}
