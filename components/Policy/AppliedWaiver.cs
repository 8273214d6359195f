using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Policy;

/// <summary>A finding that a waiver in Pulumi.yaml switched off, with the waiver (and so its justification).</summary>
public sealed record AppliedWaiver(PolicyWaiver Waiver, PolicyFinding Finding)
{
    public override string ToString() => $"waived {Finding.RuleId} on {Finding.Stack}/{Finding.Resource}: {Waiver.Justification}";
}
