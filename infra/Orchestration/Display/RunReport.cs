using System.Text.Json;
using System.Text.Json.Serialization;

namespace MultiRegion.Infra.Orchestration.Display;

/// <summary>The one JSON document <c>--json</c> prints: the run and every stack's outcome.</summary>
public sealed record RunReport(
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("succeeded")] bool Succeeded,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("endedAt")] DateTimeOffset EndedAt,
    [property: JsonPropertyName("durationSeconds")] double DurationSeconds,
    [property: JsonPropertyName("stacks")] IReadOnlyList<StackReport> Stacks)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static RunReport From(string runId, string target, OrchestrationResult result) => new(
        runId,
        result.Operation.ToString().ToLowerInvariant(),
        target,
        result.Succeeded,
        result.StartedAt,
        result.EndedAt,
        Math.Round(result.Duration.TotalSeconds, 3),
        result.Stacks.Select(s => new StackReport(s.Stack, s.State.Name(), s.StartedAt, s.EndedAt, s.Duration is { } d ? Math.Round(d.TotalSeconds, 3) : null, s.Summary, s.LogPath)).ToArray());

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}

public sealed record StackReport(
    [property: JsonPropertyName("stack")] string Stack,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("startedAt")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("endedAt")] DateTimeOffset? EndedAt,
    [property: JsonPropertyName("durationSeconds")] double? DurationSeconds,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("log")] string? Log);
