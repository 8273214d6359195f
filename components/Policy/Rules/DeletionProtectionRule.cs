using MultiRegion.Components.Aws;
using static MultiRegion.Components.Policy.ValueQuery;

namespace MultiRegion.Components.Policy.Rules;

/// <summary>
/// MR010 (warning): stateful and shared resources have deletion protection — Aurora clusters and global clusters,
/// DynamoDB tables, load balancers.
/// </summary>
public sealed class DeletionProtectionRule : PolicyRule
{
    public override string Id => "MR010-deletion-protection";

    public override PolicySeverity Severity => PolicySeverity.Warning;

    public override string Description => "databases, tables and load balancers have deletion protection";

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checks = new (string Type, string Property)[]
        {
            (AwsTypes.DbCluster, "deletionProtection"),
            (AwsTypes.GlobalCluster, "deletionProtection"),
            (AwsTypes.DynamoDbTable, "deletionProtectionEnabled"),
            (AwsTypes.LoadBalancer, "enableDeletionProtection"),
        };
        foreach (var (type, property) in checks)
        {
            foreach (var (stack, r) in context.OfType(type).Where(x => !IsTrue(x.Resource.Property(property))))
            {
                yield return Finding(stack, r, property, "deletion protection is off");
            }
        }
    }
}
