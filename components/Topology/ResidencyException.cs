namespace MultiRegion.Components.Topology;

/// <summary>An explicit permission to replicate data from a residency-restricted region to another region.</summary>
public sealed record ResidencyException(string FromRegion, string ToRegion, string Justification);
