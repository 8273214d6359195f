using MultiRegion.Components.Aws;
using static MultiRegion.Components.Policy.ValueQuery;

namespace MultiRegion.Components.Policy.Rules;

/// <summary>
/// MR004: instances require IMDSv2 session tokens (<c>metadataOptions.httpTokens: required</c>), which blocks the
/// SSRF-to-credentials path of IMDSv1.
/// </summary>
public sealed class InstanceMetadataV2Rule : PolicyRule
{
    public override string Id => "MR004-imdsv2";

    public override string Description => "launch templates require IMDSv2 (httpTokens: required)";

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stack, r) in context.OfType(AwsTypes.LaunchTemplate).Concat(context.OfType("aws:ec2/instance:Instance")))
        {
            if (Text(At(r, "metadataOptions.httpTokens")) != "required")
            {
                yield return Finding(stack, r, "metadataOptions.httpTokens", "IMDSv1 is allowed; set metadataOptions.httpTokens: required");
            }
        }
    }
}
