namespace MultiRegion.Infra.Orchestration;

/// <summary>What to run: the operation, which stacks of the plan, how many at once, and where logs go.</summary>
/// <param name="Stacks">The stacks to run (a slice of the plan; see <see cref="StackSelection"/>).</param>
/// <param name="Parallelism">At most this many stacks run at the same time (at least 1).</param>
/// <param name="FailFast">On the first failure cancel running stacks and skip the rest.</param>
/// <param name="LogDirectory">Folder for one <c>&lt;stack&gt;.log</c> per stack; null keeps no logs.</param>
public sealed record OrchestrationRequest(
    StackOperation Operation,
    IReadOnlyCollection<string> Stacks,
    int Parallelism = OrchestrationRequest.DefaultParallelism,
    bool FailFast = false,
    string? LogDirectory = null)
{
    public const int DefaultParallelism = 4;
}
