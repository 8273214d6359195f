using System.Text.Json.Nodes;
using MultiRegion.Components.Aws;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Policy;

namespace MultiRegion.Components.Tests.Aws;

public sealed class CrossRegionStackTests
{
    private readonly StackDefinition _stack = AwsTestProject.Build(AwsTestProject.InMemory(), "cross-region");

    private static string ProviderRegion(Resource resource) => resource.Options.Provider!.Text("region")!;

    [Fact]
    public void Global_table_has_streams_pitr_and_kms_per_replica_and_leaves_out_the_gdpr_region()
    {
        var table = _stack.Single(AwsTypes.DynamoDbTable);
        Assert.Equal("NEW_AND_OLD_IMAGES", table.Text("streamViewType"));
        Assert.True(table.IsTrue("streamEnabled"));
        Assert.True(table.IsTrue("pointInTimeRecovery.enabled"));
        Assert.True(table.IsTrue("serverSideEncryption.enabled"));
        Assert.Equal("us-east-1:keyArn", table.At("serverSideEncryption.kmsKeyArn").ReadsStackOutput());
        Assert.Equal("us-east-1", ProviderRegion(table));
        var replicas = table.Items("replicas");
        Assert.Equal(["us-west-2", "ap-southeast-1"], replicas.Select(r => ValueQuery.Text(ValueQuery.At(r, "regionName"))!));
        Assert.All(replicas, r => Assert.Equal($"{ValueQuery.Text(ValueQuery.At(r, "regionName"))}:keyArn", ValueQuery.At(r, "kmsKeyArn").ReadsStackOutput()));
        Assert.All(replicas, r => Assert.True(ValueQuery.IsTrue(ValueQuery.At(r, "pointInTimeRecovery"))));
    }

    [Fact]
    public void Gdpr_region_joins_the_global_table_when_exceptions_allow_both_ways()
    {
        var project = AwsTestProject.InMemory(c => c["residencyExceptions"] = new JsonArray(
            new JsonObject { ["from"] = "eu-central-1", ["to"] = "us-east-1", ["justification"] = "DPA signed" },
            new JsonObject { ["from"] = "eu-central-1", ["to"] = "us-west-2", ["justification"] = "DPA signed" },
            new JsonObject { ["from"] = "eu-central-1", ["to"] = "ap-southeast-1", ["justification"] = "DPA signed" }));
        var table = AwsTestProject.Build(project, "cross-region").Single(AwsTypes.DynamoDbTable);
        Assert.Contains("eu-central-1", table.Items("replicas").Select(r => ValueQuery.Text(ValueQuery.At(r, "regionName"))));
    }

    [Fact]
    public void Bucket_replication_goes_from_the_primary_to_each_allowed_secondary_with_rtc_and_kms()
    {
        var replication = _stack.Single(AwsTypes.BucketReplicationConfig);
        Assert.Equal("us-east-1:bucketName", replication.At("bucket").ReadsStackOutput());
        Assert.Equal("global:replicationRoleArn", replication.At("role").ReadsStackOutput());
        Assert.Equal("us-east-1", ProviderRegion(replication));
        var rules = replication.Items("rules");
        Assert.Equal(
            ["us-west-2:bucketArn", "eu-central-1:bucketArn", "ap-southeast-1:bucketArn"],
            rules.Select(r => ValueQuery.At(r, "destination.bucket").ReadsStackOutput()));
        Assert.All(rules, r =>
        {
            Assert.Equal("Enabled", ValueQuery.Text(ValueQuery.At(r, "destination.replicationTime.status")));
            Assert.Equal(15, ((Scalar)ValueQuery.At(r, "destination.replicationTime.time.minutes")!).Literal);
            Assert.Equal("Enabled", ValueQuery.Text(ValueQuery.At(r, "destination.metrics.status")));
            Assert.NotNull(ValueQuery.At(r, "destination.encryptionConfiguration.replicaKmsKeyId").ReadsStackOutput());
        });
        var rolePolicy = _stack.OfType(AwsTypes.RolePolicy).Single(p => p.At("role").ReadsStackOutput() == "global:replicationRoleName");
        Assert.Contains("s3:ReplicateObject", rolePolicy.Texts("policy"));
        Assert.Contains(rolePolicy, replication.Options.DependsOn);
    }

    [Fact]
    public void A_gdpr_primary_replicates_only_inside_the_eu_unless_allowed()
    {
        var regions = AwsTestProject.ExampleRegions();
        regions[0]!["role"] = "secondary";
        regions[0]!["priority"] = 60;
        regions[2]!["role"] = "primary";
        regions[2]!["priority"] = 100;
        var project = AwsTestProject.InMemory(c =>
        {
            c["regions"] = regions;
            c["residencyExceptions"] = new JsonArray(new JsonObject { ["from"] = "eu-central-1", ["to"] = "us-west-2", ["justification"] = "backup site under SCCs" });
        });
        var stack = AwsTestProject.Build(project, "cross-region");
        var destinations = stack.Single(AwsTypes.BucketReplicationConfig).Items("rules").Select(r => ValueQuery.At(r, "destination.bucket").ReadsStackOutput());
        Assert.Equal(["us-west-2:bucketArn"], destinations);
        Assert.Equal(["us-west-2"], stack.Single(AwsTypes.DynamoDbTable).Items("replicas").Select(r => ValueQuery.Text(ValueQuery.At(r, "regionName"))!));
        Assert.DoesNotContain(stack.OfType(AwsTypes.EventTarget), t => t.At("eventBusName").ReadsStackOutput() == "eu-central-1:eventBusName" && t.At("arn").ReadsStackOutput() == "ap-southeast-1:eventBusArn");
    }

    [Fact]
    public void Peering_is_a_full_mesh_accepted_through_the_peer_region_provider_with_routes_both_sides()
    {
        var connections = _stack.OfType(AwsTypes.VpcPeeringConnection);
        Assert.Equal(6, connections.Count);
        var accepters = _stack.OfType(AwsTypes.VpcPeeringConnectionAccepter);
        Assert.Equal(6, accepters.Count);
        foreach (var connection in connections)
        {
            var accepter = accepters.Single(a => a.At("vpcPeeringConnectionId").Reads(connection));
            Assert.Equal(connection.Text("peerRegion"), ProviderRegion(accepter));
            Assert.NotEqual(ProviderRegion(connection), ProviderRegion(accepter));
            Assert.False((bool)connection.Literal("autoAccept")!);
            var routes = _stack.OfType(AwsTypes.Route).Where(r => r.At("vpcPeeringConnectionId").Reads(accepter)).ToArray();
            Assert.Equal(8, routes.Length);
            Assert.Equal(2, routes.Select(ProviderRegion).Distinct().Count());
        }

        Assert.Equal(["aws:us-east-1", "aws:us-west-2", "aws:eu-central-1", "aws:ap-southeast-1"],
            _stack.OfType(AwsTypes.Provider).Select(p => $"aws:{p.Text("region")}"));
    }

    [Fact]
    public void Event_forwarding_forwards_only_originating_events_through_the_global_role_and_respects_residency()
    {
        var rules = _stack.OfType(AwsTypes.EventRule);
        Assert.Equal(3, rules.Count); // nothing may leave eu-central-1 (gdpr, no other EU region): it gets no rule
        Assert.DoesNotContain(rules, r => ProviderRegion(r) == "eu-central-1");
        Assert.All(rules, r => Assert.Equal([ProviderRegion(r)], r.Texts("eventPattern")));
        var targets = _stack.OfType(AwsTypes.EventTarget);
        Assert.Equal(4 * 3 - 3, targets.Count);
        Assert.All(targets, t => Assert.Equal("global:eventForwardingRoleArn", t.At("roleArn").ReadsStackOutput()));
        Assert.DoesNotContain(targets, t => t.At("eventBusName").ReadsStackOutput() == "eu-central-1:eventBusName" && t.At("arn").ReadsStackOutput() != "eu-central-1:eventBusArn");
    }

    [Fact]
    public void Cdn_fails_over_between_the_two_best_regions_over_https_with_the_us_east_1_certificate()
    {
        var distribution = _stack.Single(AwsTypes.Distribution);
        Assert.Equal(["us-east-1.example.com", "us-west-2.example.com"], distribution.Items("origins").Select(o => ValueQuery.Text(ValueQuery.At(o, "domainName"))!));
        Assert.All(distribution.Items("origins"), o => Assert.Equal("https-only", ValueQuery.Text(ValueQuery.At(o, "customOriginConfig.originProtocolPolicy"))));
        var group = Assert.Single(distribution.Items("originGroups"));
        Assert.Equal([500, 502, 503, 504], ValueQuery.Items(ValueQuery.At(group, "failoverCriteria.statusCodes")).Select(c => (int)((Scalar)c).Literal));
        Assert.Equal("failover", distribution.Text("defaultCacheBehavior.targetOriginId"));
        Assert.Equal("redirect-to-https", distribution.Text("defaultCacheBehavior.viewerProtocolPolicy"));
        Assert.Equal("global:certificateArn", distribution.At("viewerCertificate.acmCertificateArn").ReadsStackOutput());
        Assert.Equal("sni-only", distribution.Text("viewerCertificate.sslSupportMethod"));
        Assert.Equal(["cdn.example.com"], distribution.Texts("aliases"));
    }

    [Fact]
    public void Health_checks_probe_each_regional_name_over_https()
    {
        var checks = _stack.OfType(AwsTypes.HealthCheck);
        Assert.Equal(["us-east-1.example.com", "us-west-2.example.com", "eu-central-1.example.com", "ap-southeast-1.example.com"], checks.Select(c => c.Text("fqdn")!));
        Assert.All(checks, c =>
        {
            Assert.Equal("HTTPS", c.Text("type"));
            Assert.Equal("/healthz", c.Text("resourcePath"));
            Assert.Equal(10, c.Literal("requestInterval"));
            Assert.Equal(3, c.Literal("failureThreshold"));
            Assert.True(c.IsTrue("enableSni"));
        });
    }

    [Fact]
    public void Failover_records_form_a_priority_chain_of_primary_and_secondary_pairs()
    {
        var records = _stack.OfType(AwsTypes.Record).Where(r => r.Items("failoverRoutingPolicies").Count > 0).OrderBy(r => r.Name, StringComparer.Ordinal).ToArray();
        Assert.Equal(6, records.Length);
        string Type(Resource r) => ValueQuery.Text(ValueQuery.At(r.Items("failoverRoutingPolicies")[0], "type"))!;
        var top = records.Where(r => r.Text("name") == "app-r53.example.com").ToArray();
        Assert.Equal(["PRIMARY", "SECONDARY"], top.Select(Type));
        Assert.Equal("us-east-1", top[0].Text("setIdentifier"));
        Assert.Equal("app-r53-fallback1.example.com", ValueQuery.Text(ValueQuery.At(top[1].Items("aliases")[0], "name")));
        Assert.Equal(["us-east-1", "us-west-2", "eu-central-1"], records.Where(r => Type(r) == "PRIMARY").Select(r => r.Text("setIdentifier")!));
        Assert.Equal("ap-southeast-1", records.Last().Text("setIdentifier"));
        Assert.All(records.Where(r => Type(r) == "PRIMARY"), r => Assert.NotNull(r.At("healthCheckId")));

        // An alias to the next link waits for that link's records (Route 53 rejects an alias to an empty name).
        var fallback1 = records.Where(r => r.Text("name") == "app-r53-fallback1.example.com").ToArray();
        Assert.Equal(fallback1.Select(r => r.Name).Order(StringComparer.Ordinal), top[1].Options.DependsOn.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("latency", "latencyRoutingPolicies", 4)]
    [InlineData("weighted", "weightedRoutingPolicies", 4)]
    [InlineData("geo", "geolocationRoutingPolicies", 4)]
    public void Other_routing_policies_declare_one_record_per_region_or_continent(string policy, string property, int expected)
    {
        var stack = AwsTestProject.Build(AwsTestProject.InMemory(c => c["routingPolicy"] = policy), "cross-region");
        var records = stack.OfType(AwsTypes.Record).Where(r => r.Items(property).Count > 0).ToArray();
        Assert.Equal(expected, records.Length);
        Assert.All(records, r => Assert.Equal("app-r53.example.com", r.Text("name")));
        if (policy == "geo")
        {
            var locations = records.SelectMany(r => r.Items(property)).Select(p => ValueQuery.Text(ValueQuery.At(p, "continent")) ?? ValueQuery.Text(ValueQuery.At(p, "country"))).ToArray();
            Assert.Equal(["NA", "EU", "AS", "*"], locations);
        }
    }

    [Fact]
    public void Pulumi_never_declares_the_service_name_the_checker_owns()
    {
        var project = AwsTestProject.InMemory();
        foreach (var stack in AwsTestProject.Synthesizer(project).BuildAll())
        {
            Assert.DoesNotContain(stack.OfType(AwsTypes.Record), r => string.Equals(r.Text("name"), "app.example.com", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(stack.OfType(AwsTypes.Record), r => r.Text("type") == "TXT");
        }
    }
}
