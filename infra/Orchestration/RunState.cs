using System.Text.Json.Serialization;

namespace MultiRegion.Infra.Orchestration;

/// <summary>
/// The content of <c>.multiregion/state/last-run.json</c>: the last run, and for every stack the latest thing that
/// happened to it (stacks a run did not touch keep their earlier record), so <c>--resume</c> knows what is unfinished.
/// </summary>
public sealed record RunState(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("lastRun")] RunRecord? LastRun,
    [property: JsonPropertyName("stacks")] IReadOnlyDictionary<string, StackRecord> Stacks)
{
    public const int CurrentVersion = 1;

    public static RunState Empty { get; } = new(CurrentVersion, null, new Dictionary<string, StackRecord>(StringComparer.Ordinal));
}

/// <summary>One run: its id (also the name of its log folder), operation, target and times.</summary>
public sealed record RunRecord(
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("endedAt")] DateTimeOffset? EndedAt,
    [property: JsonPropertyName("stacks")] IReadOnlyList<string> Stacks);

/// <summary>The latest outcome of one stack; <c>running</c> means the run was interrupted while it ran.</summary>
public sealed record StackRecord(
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("startedAt")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("endedAt")] DateTimeOffset? EndedAt,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("log")] string? Log);
