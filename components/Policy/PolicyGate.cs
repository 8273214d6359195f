using MultiRegion.Components.Configuration;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Policy.Rules;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Policy;

/// <summary>
/// Evaluates the policy rules on built stacks and applies the waivers of the project (Pulumi.yaml
/// <c>waivers: [{rule, resource, justification}]</c>). A waiver matches a finding when its rule is the rule's id or its
/// <c>MRnnn</c> prefix, and its resource is <c>*</c>, the logical name, or <c>stack/name</c>; a waiver without a
/// justification is rejected and waives nothing. Waivers are only read from config — there is no code path to
/// switch a rule off.
/// </summary>
public static class PolicyGate
{
    /// <summary>The rules every deployment is checked against.</summary>
    public static IReadOnlyList<IPolicyRule> DefaultRules { get; } =
    [
        new EncryptionAtRestRule(),
        new NoPublicBucketsRule(),
        new TlsOnlyRule(),
        new InstanceMetadataV2Rule(),
        new NoOpenDataIngressRule(),
        new DataResidencyRule(),
        new PeeredCidrsDisjointRule(),
        new FailoverSecondaryRule(),
        new CheckerOwnedNameRule(),
        new DeletionProtectionRule(),
    ];

    public static PolicyReport Evaluate(ProjectModel project, IEnumerable<StackDefinition> stacks) =>
        Evaluate(project, stacks, DefaultRules);

    public static PolicyReport Evaluate(ProjectModel project, IEnumerable<StackDefinition> stacks, IEnumerable<IPolicyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(rules);
        var context = new PolicyContext(project, stacks.ToArray());
        var waivers = project.Topology.Global.Waivers;
        var valid = waivers.Where(w => !string.IsNullOrWhiteSpace(w.Justification)).ToArray();
        var rejected = waivers.Where(w => string.IsNullOrWhiteSpace(w.Justification)).ToArray();

        var findings = new List<PolicyFinding>();
        var applied = new List<AppliedWaiver>();
        foreach (var finding in rules.SelectMany(r => r.Evaluate(context)).Distinct())
        {
            var waiver = valid.FirstOrDefault(w => Matches(w, finding));
            if (waiver is null)
            {
                findings.Add(finding);
            }
            else
            {
                applied.Add(new AppliedWaiver(waiver, finding));
            }
        }

        return new PolicyReport(findings, applied, rejected);
    }

    public static bool Matches(PolicyWaiver waiver, PolicyFinding finding)
    {
        ArgumentNullException.ThrowIfNull(waiver);
        ArgumentNullException.ThrowIfNull(finding);
        var rule = waiver.RuleId.Trim();
        var ruleMatches = string.Equals(rule, finding.RuleId, StringComparison.OrdinalIgnoreCase)
            || finding.RuleId.StartsWith(rule + "-", StringComparison.OrdinalIgnoreCase);
        var resource = waiver.Resource.Trim();
        var resourceMatches = resource == "*"
            || resource == finding.Resource
            || resource == $"{finding.Stack}/{finding.Resource}";
        return ruleMatches && resourceMatches;
    }
}
