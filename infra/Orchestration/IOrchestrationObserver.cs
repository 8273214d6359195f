namespace MultiRegion.Infra.Orchestration;

/// <summary>
/// Sees every state change of a run (live table, plain lines, the state file). Calls come one at a time from the
/// orchestrator's scheduling loop, never concurrently; an observer must return quickly.
/// </summary>
public interface IOrchestrationObserver
{
    void OnStackChanged(StackOutcome outcome);
}
