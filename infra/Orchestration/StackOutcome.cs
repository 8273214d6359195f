namespace MultiRegion.Infra.Orchestration;

/// <summary>
/// One stack's state in a run, as a snapshot: the orchestrator publishes a new one at every change.
/// <see cref="Summary"/> is the runner's one-line summary, or why the stack was skipped or cancelled.
/// </summary>
public sealed record StackOutcome(
    string Stack,
    StackState State,
    string? Summary = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? EndedAt = null,
    string? LogPath = null)
{
    public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;
}
