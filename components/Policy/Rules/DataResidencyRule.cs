using MultiRegion.Components.Aws;
using MultiRegion.Components.Aws.Replication;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Topology;
using static MultiRegion.Components.Policy.ValueQuery;

namespace MultiRegion.Components.Policy.Rules;

/// <summary>
/// MR006: replication never moves data out of a residency zone unless <c>residencyExceptions</c> allows that exact
/// pair (<see cref="ResidencyRules"/>). Checked flows: S3 replication (source bucket → each destination bucket),
/// DynamoDB global tables (every member ↔ every member), EventBridge targets (source bus → target bus) and Aurora
/// global secondaries (primary → secondary).
/// </summary>
public sealed class DataResidencyRule : PolicyRule
{
    public override string Id => "MR006-data-residency";

    public override string Description => "no replication out of a residency zone (gdpr: the EU) without a residencyExceptions entry";

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stack, r) in context.OfType(AwsTypes.BucketReplicationConfig))
        {
            var from = context.RegionOf(r.Property("bucket")) ?? context.RegionOf(r);
            foreach (var rule in Items(r.Property("rules")))
            {
                if (Violation(context, stack, r, "rules.destination.bucket", from, context.RegionOf(At(rule, "destination.bucket"))) is { } finding)
                {
                    yield return finding;
                }
            }
        }

        foreach (var (stack, r) in context.OfType(AwsTypes.DynamoDbTable))
        {
            var members = new List<Region?> { context.RegionOf(r) };
            members.AddRange(Items(r.Property("replicas")).Select(x => context.RegionOfCloudRegion(Text(At(x, "regionName")))));
            foreach (var a in members)
            {
                foreach (var b in members.Where(b => b != a))
                {
                    if (Violation(context, stack, r, "replicas", a, b) is { } finding)
                    {
                        yield return finding;
                    }
                }
            }
        }

        foreach (var (stack, r) in context.OfType(AwsTypes.EventTarget))
        {
            var from = context.RegionOf(r.Property("eventBusName")) ?? context.RegionOf(r);
            if (Violation(context, stack, r, "arn", from, context.RegionOf(r.Property("arn"))) is { } finding)
            {
                yield return finding;
            }
        }

        foreach (var (stack, r) in context.OfType(AwsTypes.DbCluster))
        {
            if (r.Property("globalClusterIdentifier") is StackOutputValue source
                && Violation(context, stack, r, "globalClusterIdentifier", context.RegionOfStack(source.Reference.StackName), context.RegionOf(r)) is { } finding)
            {
                yield return finding;
            }
        }
    }

    private PolicyFinding? Violation(PolicyContext context, StackDefinition stack, Resource resource, string property, Region? from, Region? to) =>
        from is null || to is null || ResidencyRules.MayReplicate(context.Topology, from, to)
            ? null
            : Finding(stack, resource, property,
                $"copies data from {from.Id} ({string.Join(", ", from.Compliance)}) to {to.Id}, outside its residency zone; remove the flow or add residencyExceptions: [{{from: {from.Id}, to: {to.Id}, justification: …}}]");
}
