namespace MultiRegion.Health.Regions;

/// <summary>A region changed health (or was drained/undrained: From == To and the reason says so).</summary>
public sealed record HealthTransition(string RegionId, RegionHealth From, RegionHealth To, string Reason, DateTimeOffset At);
