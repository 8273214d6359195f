namespace MultiRegion.Infra.Orchestration;

/// <summary>Passes every change to several observers, in order.</summary>
public sealed class CompositeObserver(params IReadOnlyList<IOrchestrationObserver> observers) : IOrchestrationObserver
{
    public void OnStackChanged(StackOutcome outcome)
    {
        foreach (var observer in observers)
        {
            observer.OnStackChanged(outcome);
        }
    }
}
