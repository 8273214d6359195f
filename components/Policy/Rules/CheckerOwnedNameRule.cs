using MultiRegion.Components.Aws;
using static MultiRegion.Components.Policy.ValueQuery;

namespace MultiRegion.Components.Policy.Rules;

/// <summary>
/// MR009: Pulumi never declares a record at the service name (<c>{serviceName}.{domain}</c>). The post-deploy health
/// checker owns that name (TXT ownership record <c>heritage=multiregion,owner=…</c>) and rewrites its answer on
/// failover; a Pulumi record there would be reverted by the checker and then restored by the next <c>pulumi up</c>,
/// undoing a failover.
/// </summary>
public sealed class CheckerOwnedNameRule : PolicyRule
{
    public override string Id => "MR009-checker-owned-name";

    public override string Description => "no Pulumi-declared record at the service name the health checker owns";

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var global = context.Topology.Global;
        foreach (var (stack, r) in context.OfType(AwsTypes.Record))
        {
            var name = Text(r.Property("name"))?.TrimEnd('.');
            if (name is not null && (string.Equals(name, global.ServiceFqdn, StringComparison.OrdinalIgnoreCase) || string.Equals(name, global.ServiceName, StringComparison.OrdinalIgnoreCase)))
            {
                yield return Finding(stack, r, "name", $"{global.ServiceFqdn} is owned by the health checker; publish Pulumi records at another name (e.g. the regional names)");
            }
        }
    }
}
