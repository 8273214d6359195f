namespace MultiRegion.Infra.Sandbox;

/// <summary>A region's stand-in as recorded in state.json.</summary>
public sealed record SandboxStateRegion(string Id, int Priority, string Target, string Address, int Port, string Url, string HealthUrl);
