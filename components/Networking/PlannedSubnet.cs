namespace MultiRegion.Components.Networking;

/// <summary>One subnet of the plan: its tier, the index of its availability zone, and its CIDR block.</summary>
public sealed record PlannedSubnet(SubnetTier Tier, int AvailabilityZoneIndex, string Cidr);
