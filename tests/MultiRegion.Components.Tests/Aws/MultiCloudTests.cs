using System.Text.Json.Nodes;
using MultiRegion.Components.Aws;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Tests.Aws;

/// <summary>AWS regions in a deployment whose primary runs on another cloud.</summary>
public sealed class MultiCloudTests
{
    private sealed class OtherCloud : ICloudPlatform
    {
        public CloudProvider Cloud => CloudProvider.Gcp;

        public void BuildGlobal(GlobalStackContext context)
        {
        }

        public void BuildRegion(RegionalStackContext context)
        {
        }

        public void BuildCrossRegion(CrossRegionStackContext context, IReadOnlyList<Region> regions)
        {
        }

        public void BuildDnsRecords(CrossRegionStackContext context)
        {
        }
    }

    [Fact]
    public void With_a_non_aws_primary_the_best_aws_region_holds_the_aws_data_primaries()
    {
        var project = AwsTestProject.InMemory(c => c["regions"] = new JsonArray(
            new JsonObject { ["id"] = "gcp-us", ["cloud"] = "gcp", ["cloudRegion"] = "us-central1", ["role"] = "primary", ["priority"] = 100, ["cidr"] = "10.10.0.0/16" },
            new JsonObject { ["id"] = "us-west-2", ["role"] = "secondary", ["priority"] = 90, ["cidr"] = "10.1.0.0/16" },
            new JsonObject { ["id"] = "us-east-1", ["role"] = "secondary", ["priority"] = 80, ["cidr"] = "10.0.0.0/16" }));
        Assert.Equal("us-west-2", AwsPlatform.DataPrimary(project.Topology).Id);

        var synthesizer = new DeploymentSynthesizer(project, [new AwsPlatform(), new OtherCloud()]);
        var west = synthesizer.Build("us-west-2");
        var east = synthesizer.Build("us-east-1");
        Assert.Single(west.OfType(AwsTypes.GlobalCluster));
        Assert.Empty(east.OfType(AwsTypes.GlobalCluster));
        Assert.Equal("us-west-2:globalClusterId", east.Single(AwsTypes.DbCluster).At("globalClusterIdentifier").ReadsStackOutput());
        Assert.DoesNotContain("gcp-us", west.ReferencedStacks);

        var crossRegion = synthesizer.Build("cross-region");
        Assert.Equal("us-west-2:bucketName", crossRegion.Single(AwsTypes.BucketReplicationConfig).At("bucket").ReadsStackOutput());
    }
}
