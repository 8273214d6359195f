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
    public void With_a_non_aws_primary_aws_regions_are_rejected_because_they_need_a_route53_zone()
    {
        var error = Assert.Throws<MultiRegion.Components.Configuration.ConfigurationException>(() => AwsTestProject.InMemory(c => c["regions"] = new JsonArray(
            new JsonObject { ["id"] = "gcp-us", ["cloud"] = "gcp", ["cloudRegion"] = "us-central1", ["role"] = "primary", ["priority"] = 100, ["cidr"] = "10.10.0.0/16" },
            new JsonObject { ["id"] = "us-west-2", ["role"] = "secondary", ["priority"] = 90, ["cidr"] = "10.1.0.0/16" })));

        Assert.Contains(error.Errors, e => e.Field == "regions[1].cloud" && e.Problem.Contains("Route 53", StringComparison.Ordinal));
    }

    [Fact]
    public void The_data_primary_is_the_primary_when_it_is_on_aws_else_the_best_aws_region()
    {
        var project = AwsTestProject.InMemory();
        Assert.Equal("us-east-1", AwsPlatform.DataPrimary(project.Topology).Id);

        var synthesizer = new DeploymentSynthesizer(project, [new AwsPlatform(), new OtherCloud()]);
        Assert.Single(synthesizer.Build("us-east-1").OfType(AwsTypes.GlobalCluster));
        Assert.Empty(synthesizer.Build("us-west-2").OfType(AwsTypes.GlobalCluster));
    }
}
