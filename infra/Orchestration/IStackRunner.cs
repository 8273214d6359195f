namespace MultiRegion.Infra.Orchestration;

/// <summary>
/// Runs one operation on one stack for a deployment target (the Pulumi CLI, or the local sandbox). The orchestrator
/// decides order and parallelism; a runner only knows how to do one stack.
/// </summary>
public interface IStackRunner
{
    /// <summary>The target's name as given to <c>--target</c>: <c>pulumi</c> or <c>sandbox</c>.</summary>
    string Target { get; }

    /// <summary>Checks the target can run at all (CLI installed, logged in…); throws with a message naming what to do.</summary>
    Task PreflightAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="operation"/> on <paramref name="stack"/>, writing its output lines to <paramref name="log"/>.</summary>
    Task<StackRunResult> RunAsync(StackOperation operation, string stack, TextWriter log, CancellationToken cancellationToken);
}
