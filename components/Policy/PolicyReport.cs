using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Policy;

/// <summary>
/// The outcome of <c>PolicyGate.Evaluate</c>: the findings still in force, the waivers that were applied, and
/// the waivers rejected because they have no justification (their findings stay in force).
/// </summary>
public sealed record PolicyReport(
    IReadOnlyList<PolicyFinding> Findings,
    IReadOnlyList<AppliedWaiver> AppliedWaivers,
    IReadOnlyList<PolicyWaiver> RejectedWaivers)
{
    public IEnumerable<PolicyFinding> Errors => Findings.Where(f => f.Severity == PolicySeverity.Error);

    public IEnumerable<PolicyFinding> Warnings => Findings.Where(f => f.Severity == PolicySeverity.Warning);

    public bool HasErrors => Errors.Any();

    /// <summary>Every line a command prints: findings, then applied and rejected waivers.</summary>
    public IEnumerable<string> Lines => Findings.Select(f => f.ToString())
        .Concat(AppliedWaivers.Select(w => w.ToString()))
        .Concat(RejectedWaivers.Select(w => $"rejected waiver of {w.RuleId} on {w.Resource}: a waiver needs a non-empty justification"));
}
