namespace MultiRegion.Infra.Orchestration;

/// <summary>How one stack's run ended: success, and a one-line summary for the final table.</summary>
public sealed record StackRunResult(bool Succeeded, string Summary);
