using MultiRegion.Components.Aws;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Networking;
using MultiRegion.Components.Stacks;
using static MultiRegion.Components.Policy.ValueQuery;

namespace MultiRegion.Components.Policy.Rules;

/// <summary>
/// MR007: the two VPCs of a peering connection have disjoint address blocks (AWS rejects overlapping peers, and
/// routes to an overlapping block would be ambiguous). A VPC's block is read from the topology (a regional stack's
/// <c>networkId</c>/<c>vpcId</c> output) or from the <c>cidrBlock</c> of a VPC in the same program.
/// </summary>
public sealed class PeeredCidrsDisjointRule : PolicyRule
{
    public override string Id => "MR007-peered-cidrs-disjoint";

    public override string Description => "peered VPCs have non-overlapping CIDR blocks";

    public override IEnumerable<PolicyFinding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (stack, r) in context.OfType(AwsTypes.VpcPeeringConnection))
        {
            var a = CidrOf(context, r.Property("vpcId"));
            var b = CidrOf(context, r.Property("peerVpcId"));
            if (a is not null && b is not null && Cidr.Overlap(a, b))
            {
                yield return Finding(stack, r, "peerVpcId", $"peers {a} with the overlapping {b}");
            }
        }
    }

    private static string? CidrOf(PolicyContext context, Value? vpcId) => vpcId switch
    {
        StackOutputValue s when s.OutputName is RegionalOutputs.NetworkId or AwsOutputs.VpcId => context.RegionOfStack(s.Reference.StackName)?.Cidr,
        OutputValue { Resource.Type: AwsTypes.Vpc } o => Text(o.Resource.Property("cidrBlock")),
        _ => null,
    };
}
