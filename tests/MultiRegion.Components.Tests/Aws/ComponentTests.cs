using MultiRegion.Components.Aws;
using MultiRegion.Components.Aws.Data;
using MultiRegion.Components.Aws.Dns;
using MultiRegion.Components.Aws.Replication;
using MultiRegion.Components.Aws.Storage;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Tests.Aws;

public sealed class ComponentTests
{
    private static StackDefinition NewStack()
    {
        var stack = new StackDefinition("test", "test");
        AwsProviders.Declare(stack, "us-east-1", new Dictionary<string, string>(), isDefault: true);
        return stack;
    }

    [Theory]
    [InlineData("example.com", new[] { "*.example.com" }, 1)]
    [InlineData("us-east-1.example.com", new[] { "app.example.com" }, 2)]
    [InlineData("example.com", new string[0], 1)]
    public void Certificate_declares_one_validation_record_per_distinct_validation_name(string domain, string[] sans, int expected)
    {
        var stack = NewStack();
        _ = new DnsValidatedCertificate(stack, "tls", new DnsValidatedCertificateArgs(domain, "Z1") { SubjectAlternativeNames = sans });
        Assert.Equal(expected, stack.OfType(AwsTypes.Record).Count);
        Assert.Equal(expected, stack.Single(AwsTypes.CertificateValidation).Items("validationRecordFqdns").Count);
        Assert.All(stack.OfType(AwsTypes.Record), r => Assert.True(r.Options.RetainOnDelete, "validation records may be shared by other certificates of the account"));
    }

    [Fact]
    public void Bucket_needs_an_explicit_name_or_prefix_and_names_are_lowercase()
    {
        Assert.Throws<ArgumentException>(() => new SecureBucket(NewStack(), "data", new SecureBucketArgs("arn:key")));
        var stack = NewStack();
        _ = new SecureBucket(stack, "data", new SecureBucketArgs("arn:key") { BucketName = "my-data" });
        Assert.Equal("my-data", stack.Single(AwsTypes.Bucket).Text("bucket"));
        Assert.Null(stack.Single(AwsTypes.Bucket).At("bucketPrefix"));
        Assert.Equal("multiregion-us-east-1", AwsNaming.Physical(63, "MultiRegion", "us_east 1"));
        Assert.Equal("abc", AwsNaming.Physical(3, "abc-def"));
    }

    [Fact]
    public void Cache_refuses_a_single_node_group()
    {
        Assert.Throws<ArgumentException>(() => new CacheCluster(NewStack(), "cache", new CacheClusterArgs("c", "cache.t4g.small", ["s"], "sg", "key") { NodeCount = 1 }));
    }

    [Fact]
    public void Residency_restricts_data_leaving_a_gdpr_region_only()
    {
        var topology = AwsTestProject.InMemory().Topology;
        var eu = topology.Find("eu-central-1")!;
        var us = topology.Find("us-east-1")!;
        Assert.True(ResidencyRules.MayReplicate(topology, us, eu));
        Assert.False(ResidencyRules.MayReplicate(topology, eu, us));
        Assert.Equal(["us-east-1", "us-west-2", "ap-southeast-1"], ResidencyRules.MultiWriterMembers(topology, us, topology.Regions).Select(r => r.Id));
    }

    [Fact]
    public void Health_check_intervals_round_to_what_route53_accepts()
    {
        Assert.Equal(10, new EndpointHealthCheckArgs("a.example.com", "/", 5, 3).RequestInterval);
        Assert.Equal(30, new EndpointHealthCheckArgs("a.example.com", "/", 60, 3).RequestInterval);
        Assert.Equal(10, new EndpointHealthCheckArgs("a.example.com", "/", 10, 25).Threshold);
    }

    [Fact]
    public void A_single_region_failover_name_is_a_plain_alias_not_a_primary_without_secondary()
    {
        var stack = NewStack();
        _ = new RoutingRecords(stack, "routing", new RoutingRecordsArgs("Z1", "app-r53.example.com", "example.com", Components.Topology.RoutingPolicyKind.Failover,
            [new RoutingTarget("us-east-1", "us-east-1", 100, 1, "lb.example", "ZLB", "hc-1")]));
        var record = stack.Single(AwsTypes.Record);
        Assert.Empty(record.Items("failoverRoutingPolicies"));
        Assert.Null(record.At("setIdentifier"));
        Assert.Empty(Components.Policy.PolicyGate.Evaluate(AwsTestProject.InMemory(), [stack]).Findings);
    }

    [Fact]
    public void Continents_follow_route53_codes()
    {
        Assert.Equal("NA", RoutingRecords.ContinentOf("us-west-2"));
        Assert.Equal("EU", RoutingRecords.ContinentOf("eu-central-1"));
        Assert.Equal("OC", RoutingRecords.ContinentOf("ap-southeast-2"));
        Assert.Equal("AS", RoutingRecords.ContinentOf("ap-southeast-1"));
        Assert.Equal("SA", RoutingRecords.ContinentOf("sa-east-1"));
    }
}
