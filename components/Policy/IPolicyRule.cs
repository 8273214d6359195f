namespace MultiRegion.Components.Policy;

/// <summary>
/// One policy rule, evaluated on the built stack graphs before anything is emitted. <see cref="Id"/> is stable
/// (<c>MR001-encryption-at-rest</c>) because waivers in Pulumi.yaml name it.
/// </summary>
public interface IPolicyRule
{
    string Id { get; }

    PolicySeverity Severity { get; }

    /// <summary>One line: what the rule requires.</summary>
    string Description { get; }

    IEnumerable<PolicyFinding> Evaluate(PolicyContext context);
}
