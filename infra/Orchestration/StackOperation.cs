namespace MultiRegion.Infra.Orchestration;

/// <summary>What the orchestrator does to each stack.</summary>
public enum StackOperation
{
    Up,
    Preview,
    Refresh,
    Destroy,
}
