namespace MultiRegion.Infra.Sandbox;

/// <summary>One stack of a sandbox deployment: its wave, how many resources its program declares, what was created.</summary>
public sealed record DeployedStack(string Stack, int Wave, int Resources, string Summary, TimeSpan Elapsed);
