namespace MultiRegion.Infra.Orchestration;

/// <summary>How a run ended: every selected stack's final outcome, in run order.</summary>
public sealed record OrchestrationResult(
    StackOperation Operation,
    IReadOnlyList<StackOutcome> Stacks,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt)
{
    /// <summary>True when every stack succeeded (an empty run succeeds).</summary>
    public bool Succeeded => Stacks.All(s => s.State == StackState.Succeeded);

    public TimeSpan Duration => EndedAt - StartedAt;

    public StackOutcome this[string stack] => Stacks.Single(s => s.Stack == stack);
}
