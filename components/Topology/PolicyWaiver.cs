namespace MultiRegion.Components.Topology;

/// <summary>A policy rule switched off for one resource (or all, with "*"), with the written reason.</summary>
public sealed record PolicyWaiver(string RuleId, string Resource, string Justification);
