using MultiRegion.Components.Stacks;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Tests.Stacks;

public sealed class CloudAnchorTests
{
    private static Region R(string id, CloudProvider cloud, string cloudRegion, int priority, bool primary = false, bool enabled = true, params string[] compliance) =>
        new(id, cloud, cloudRegion, primary ? RegionRole.Primary : RegionRole.Secondary, priority, enabled, "10.0.0.0/16", compliance, 1,
            RegionCapacity.Default, NetworkSettings.Default, WorkerPoolSettings.Default);

    private static DeploymentTopology T(IReadOnlyList<ResidencyException> exceptions, params Region[] regions) => new(
        new GlobalSettings("prod", "example.com", "app", RoutingPolicyKind.Failover, "platform", new Dictionary<string, string>(), exceptions, [], HealthCheckSettings.Default),
        regions);

    [Fact]
    public void The_primary_anchors_its_own_cloud_and_the_highest_enabled_region_anchors_the_others()
    {
        var topology = T([],
            R("us-east-1", CloudProvider.Aws, "us-east-1", 100, primary: true),
            R("gcp-a", CloudProvider.Gcp, "europe-west1", 70),
            R("gcp-b", CloudProvider.Gcp, "us-central1", 80, enabled: false),
            R("gcp-c", CloudProvider.Gcp, "us-east1", 60));

        Assert.Equal("us-east-1", CloudAnchor.For(topology, CloudProvider.Aws)!.Id);
        Assert.Equal("gcp-a", CloudAnchor.For(topology, CloudProvider.Gcp)!.Id);
        Assert.Null(CloudAnchor.For(topology, CloudProvider.Azure));
        Assert.True(CloudAnchor.IsAnchor(topology, topology.Regions[1]));
        Assert.False(CloudAnchor.IsAnchor(topology, topology.Regions[3]));
    }

    [Fact]
    public void Gdpr_data_stays_in_the_eu_unless_the_exact_flow_is_excepted()
    {
        var eu = R("eu", CloudProvider.Gcp, "europe-west1", 100, primary: true, compliance: "gdpr");
        var eu2 = R("eu2", CloudProvider.Gcp, "europe-west4", 90);
        var us = R("us", CloudProvider.Gcp, "us-central1", 80);
        Assert.True(DataResidency.AllowsReplication(T([], eu, eu2, us), eu, eu2));
        Assert.False(DataResidency.AllowsReplication(T([], eu, eu2, us), eu, us));
        Assert.True(DataResidency.AllowsReplication(T([new ResidencyException("eu", "us", "why")], eu, eu2, us), eu, us));
        Assert.False(DataResidency.AllowsReplication(T([new ResidencyException("us", "eu", "wrong way")], eu, eu2, us), eu, us));
        Assert.True(DataResidency.AllowsReplication(T([], eu, eu2, us), us, eu));
    }
}
