namespace MultiRegion.Infra.Drills;

/// <summary>A region's health from <see cref="At"/> on (one segment of a health lane in the timeline).</summary>
public sealed record DrillRegionState(string Region, string Health, DateTimeOffset At, string Reason);
