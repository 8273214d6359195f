namespace MultiRegion.Infra.Orchestration;

/// <summary>Where one stack is in a run.</summary>
public enum StackState
{
    /// <summary>Waiting for the stacks it must follow, or for a free slot (<c>--parallel</c>).</summary>
    Queued,

    Running,

    Succeeded,

    /// <summary>The runner reported failure (or threw).</summary>
    Failed,

    /// <summary>Never started: a stack it must follow did not succeed, or the run was stopped.</summary>
    Skipped,

    /// <summary>Was running when the run was cancelled (<c>--fail-fast</c> or Ctrl+C).</summary>
    Cancelled,
}

public static class StackStateExtensions
{
    public static bool IsFinal(this StackState state) => state is StackState.Succeeded or StackState.Failed or StackState.Skipped or StackState.Cancelled;

    /// <summary>The lower-case name shown in tables, lines, JSON and the state file.</summary>
    public static string Name(this StackState state) => state.ToString().ToLowerInvariant();
}
