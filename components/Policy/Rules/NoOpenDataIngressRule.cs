using MultiRegion.Components.Aws;
using MultiRegion.Components.Graph;
using static MultiRegion.Components.Policy.ValueQuery;

namespace MultiRegion.Components.Policy.Rules;

/// <summary>
/// MR005: no ingress from anywhere (<c>0.0.0.0/0</c>, <c>::/0</c>) to a security group that guards a database
/// (Aurora <c>vpcSecurityGroupIds</c>) or a cache (ElastiCache <c>securityGroupIds</c>) — neither as a standalone
/// ingress rule nor inline.
/// </summary>
public sealed class NoOpenDataIngressRule : PolicyRule
{
    public override string Id => "MR005-no-open-data-ingress";

    public override string Description => "no 0.0.0.0/0 or ::/0 ingress to database or cache security groups";

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var guarded = context.OfType(AwsTypes.DbCluster).SelectMany(x => Items(x.Resource.Property("vpcSecurityGroupIds")))
            .Concat(context.OfType(AwsTypes.CacheReplicationGroup).SelectMany(x => Items(x.Resource.Property("securityGroupIds"))))
            .SelectMany(v => v.References)
            .Where(r => r.Type == AwsTypes.SecurityGroup)
            .ToHashSet();

        foreach (var (stack, rule) in context.OfType(AwsTypes.SecurityGroupIngressRule))
        {
            var target = rule.Property("securityGroupId")?.References.FirstOrDefault(guarded.Contains);
            if (target is not null && IsAnywhere(Text(rule.Property("cidrIpv4")) ?? Text(rule.Property("cidrIpv6"))))
            {
                yield return Finding(stack, rule, "cidrIpv4", $"opens {target.Name}, which guards a database or cache, to the whole internet");
            }
        }

        foreach (var (stack, group) in context.OfType(AwsTypes.SecurityGroup).Where(x => guarded.Contains(x.Resource)))
        {
            if (Items(group.Property("ingress")).Any(i => Items(At(i, "cidrBlocks")).Concat(Items(At(i, "ipv6CidrBlocks"))).Any(c => IsAnywhere(Text(c)))))
            {
                yield return Finding(stack, group, "ingress", "an inline ingress rule admits 0.0.0.0/0 to a database or cache");
            }
        }
    }

    private static bool IsAnywhere(string? cidr) => cidr is "0.0.0.0/0" or "::/0";

}
