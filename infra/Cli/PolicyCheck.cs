using MultiRegion.Components.Configuration;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Policy;

namespace MultiRegion.Infra.Cli;

/// <summary>
/// Runs the policy gate for a command: warnings and waivers go to <c>diagnostics</c>; any error finding that no
/// waiver covers fails the command with one message listing every error.
/// </summary>
internal static class PolicyCheck
{
    public static PolicyReport Enforce(ProjectModel project, IEnumerable<StackDefinition> stacks, TextWriter diagnostics)
    {
        var report = PolicyGate.Evaluate(project, stacks);
        foreach (var line in report.Warnings.Select(w => w.ToString())
                     .Concat(report.AppliedWaivers.Select(w => w.ToString()))
                     .Concat(report.RejectedWaivers.Select(w => $"rejected waiver of {w.RuleId} on {w.Resource}: a waiver needs a non-empty justification")))
        {
            diagnostics.WriteLine(line);
        }

        if (report.HasErrors)
        {
            var errors = report.Errors.ToArray();
            throw new CommandFailedException(
                $"policy gate: {errors.Length} error(s); fix them or waive them in Pulumi.yaml (waivers: [{{rule, resource, justification}}]):\n  "
                + string.Join("\n  ", errors.Select(e => e.ToString())));
        }

        return report;
    }
}
