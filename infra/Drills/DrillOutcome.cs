using MultiRegion.Health.History;

namespace MultiRegion.Infra.Drills;

/// <summary>A finished drill: the measurements, the history entry written for it and the report's path.</summary>
public sealed record DrillOutcome(DrillResult Result, DrillEntry? Entry, string ReportPath);
