namespace MultiRegion.Health.Regions;

/// <summary>Starting point of a state machine after a restart (from DNS and history).</summary>
/// <param name="Health">Assumed health.</param>
/// <param name="Since">When that state was entered (dwell time counts from here); null = no dwell.</param>
/// <param name="Drained">Manual drain flag.</param>
public sealed record RegionSeed(RegionHealth Health, DateTimeOffset? Since = null, bool Drained = false);
