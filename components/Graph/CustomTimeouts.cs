namespace MultiRegion.Components.Graph;

/// <summary>Pulumi's customTimeouts option, as duration strings ("30m").</summary>
public sealed record CustomTimeouts(string? Create = null, string? Update = null, string? Delete = null);
