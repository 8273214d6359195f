using System.Net;

namespace MultiRegion.Components.Networking;

/// <summary>
/// Carves a region's block into equal subnets, one per tier and availability zone, tiers laid out contiguously
/// (public first) so a tier can be summarised in one route or rule.
/// </summary>
public sealed class SubnetPlan
{
    /// <summary>Every subnet keeps at least a /24 (251 usable addresses in AWS): room for scaling groups and ENIs.</summary>
    public const int LargestSubnetPrefix = 24;

    private SubnetPlan(IReadOnlyList<PlannedSubnet> subnets, int subnetPrefix)
    {
        Subnets = subnets;
        SubnetPrefix = subnetPrefix;
    }

    public IReadOnlyList<PlannedSubnet> Subnets { get; }

    public int SubnetPrefix { get; }

    public IEnumerable<PlannedSubnet> Tier(SubnetTier tier) => Subnets.Where(s => s.Tier == tier);

    /// <summary>The prefix each subnet gets for a block of <paramref name="blockPrefix"/> split for <paramref name="availabilityZones"/> zones.</summary>
    public static int SubnetPrefixFor(int blockPrefix, int availabilityZones)
    {
        var count = Enum.GetValues<SubnetTier>().Length * availabilityZones;
        var bits = 0;
        while ((1 << bits) < count)
        {
            bits++;
        }

        return blockPrefix + bits;
    }

    /// <summary>Plans the subnets; the caller has validated that the block is large enough.</summary>
    public static SubnetPlan Create(string cidr, int availabilityZones)
    {
        var block = IPNetwork2.Parse(cidr);
        var prefix = SubnetPrefixFor(block.Cidr, availabilityZones);
        if (prefix > LargestSubnetPrefix)
        {
            throw new ArgumentException($"{cidr} is too small for {availabilityZones} availability zones × 3 tiers of /{LargestSubnetPrefix} or larger", nameof(cidr));
        }

        var blocks = block.Subnet((byte)prefix).ToArray();
        var subnets = new List<PlannedSubnet>();
        var index = 0;
        foreach (var tier in Enum.GetValues<SubnetTier>())
        {
            for (var az = 0; az < availabilityZones; az++)
            {
                subnets.Add(new PlannedSubnet(tier, az, blocks[index++].ToString()));
            }
        }

        return new SubnetPlan(subnets, prefix);
    }
}
