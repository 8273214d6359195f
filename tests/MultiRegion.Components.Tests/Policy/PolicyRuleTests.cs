using System.Text.Json.Nodes;
using MultiRegion.Components.Aws;
using MultiRegion.Components.Aws.Identity;
using MultiRegion.Components.Aws.Security;
using MultiRegion.Components.Aws.Storage;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Policy;
using MultiRegion.Components.Tests.Aws;
using static MultiRegion.Components.Tests.Policy.PolicyTestStacks;

namespace MultiRegion.Components.Tests.Policy;

public sealed class PolicyRuleTests
{
    [Fact]
    public void Example_deployment_passes_every_rule()
    {
        var report = AwsTestProject.Gate(AwsTestProject.InMemory());
        Assert.Empty(report.Findings);
        Assert.Equal(10, PolicyGate.DefaultRules.Select(r => r.Id).Distinct().Count());
        Assert.All(PolicyGate.DefaultRules, r => Assert.Matches("^MR0[0-9]{2}-[a-z0-9-]+$", r.Id));
    }

    [Fact]
    public void MR001_flags_unencrypted_stores_naming_resource_and_property()
    {
        var stack = Regional();
        stack.AddResource("plainCluster", AwsTypes.DbCluster, Value.Map(("engine", "aurora-postgresql"), ("storageEncrypted", false), ("deletionProtection", true)));
        stack.AddResource("plainCache", AwsTypes.CacheReplicationGroup, Value.Map(("description", "c"), ("transitEncryptionEnabled", true)));
        stack.AddResource("plainTopic", AwsTypes.SnsTopic, Value.Map());
        stack.AddResource("plainTable", AwsTypes.DynamoDbTable, Value.Map(("deletionProtectionEnabled", true)));
        stack.AddResource("plainTemplate", AwsTypes.LaunchTemplate, Value.Map(
            ("metadataOptions", Value.Map(("httpTokens", "required"))),
            ("blockDeviceMappings", Value.List(Value.Map(("deviceName", "/dev/xvda"), ("ebs", Value.Map(("encrypted", "false"))))))));
        var findings = Evaluate(stack).Of("MR001-encryption-at-rest");
        Assert.Equal(
            ["plainCache.atRestEncryptionEnabled", "plainCluster.storageEncrypted", "plainTable.serverSideEncryption", "plainTemplate.blockDeviceMappings.ebs.encrypted", "plainTopic.kmsMasterKeyId"],
            findings.Select(f => $"{f.Resource}.{f.Property}").Order(StringComparer.Ordinal));
        Assert.All(findings, f =>
        {
            Assert.Equal(PolicySeverity.Error, f.Severity);
            Assert.Contains(f.Resource, f.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void MR001_MR002_MR003_flag_a_bare_bucket_and_pass_a_secure_one()
    {
        var bare = Regional();
        bare.AddResource("bareBucket", AwsTypes.Bucket, Value.Map(("bucket", "bare"), ("acl", "public-read")));
        var report = Evaluate(bare);
        Assert.Contains(report.Of("MR001-encryption-at-rest"), f => f.Resource == "bareBucket");
        Assert.Contains(report.Of("MR002-no-public-buckets"), f => f.Property == "publicAccessBlock");
        Assert.Contains(report.Of("MR002-no-public-buckets"), f => f.Property == "acl");
        Assert.Contains(report.Of("MR003-tls-only"), f => f.Resource == "bareBucket" && f.Property == "policy");

        var secure = Regional();
        _ = new SecureBucket(secure, "data", new SecureBucketArgs("arn:aws:kms:us-east-1:1:key/x") { BucketName = "secure" });
        Assert.Empty(Evaluate(secure).Findings);
    }

    [Fact]
    public void MR002_flags_a_partial_public_access_block_and_a_public_policy()
    {
        var stack = Regional();
        var bucket = stack.AddResource("bucket", AwsTypes.Bucket, Value.Map(("bucket", "b")));
        stack.AddResource("block", AwsTypes.BucketPublicAccessBlock, Value.Map(("bucket", bucket.Output("id")), ("blockPublicAcls", true), ("blockPublicPolicy", false), ("ignorePublicAcls", true), ("restrictPublicBuckets", true)));
        stack.AddResource("publicPolicy", AwsTypes.BucketPolicy, Value.Map(("bucket", bucket.Output("id")), ("policy", IamPolicyDocument.Of(
            IamPolicyDocument.Statement("Public", "Allow", ["s3:GetObject"], InterpolatedValue.Of(bucket.Output("arn"), "/*"), "*")))));
        var findings = Evaluate(stack).Of("MR002-no-public-buckets");
        Assert.Contains(findings, f => f.Resource == "block" && f.Property == "blockPublicPolicy");
        Assert.Contains(findings, f => f.Resource == "publicPolicy" && f.Property == "policy");
    }

    [Fact]
    public void MR003_flags_plain_http_paths()
    {
        var stack = Regional();
        stack.AddResource("httpForward", AwsTypes.Listener, Value.Map(("loadBalancerArn", "arn"), ("protocol", "HTTP"), ("port", 80),
            ("defaultActions", Value.List(Value.Map(("type", "forward"), ("targetGroupArn", "tg"))))));
        stack.AddResource("oldTls", AwsTypes.Listener, Value.Map(("loadBalancerArn", "arn"), ("protocol", "HTTPS"), ("port", 443),
            ("sslPolicy", "ELBSecurityPolicy-2016-08"), ("defaultActions", Value.List(Value.Map(("type", "forward"), ("targetGroupArn", "tg"))))));
        stack.AddResource("clearCache", AwsTypes.CacheReplicationGroup, Value.Map(("description", "c"), ("atRestEncryptionEnabled", true), ("transitEncryptionEnabled", false)));
        stack.AddResource("openCdn", AwsTypes.Distribution, Value.Map(
            ("defaultCacheBehavior", Value.Map(("viewerProtocolPolicy", "allow-all"))),
            ("origins", Value.List(Value.Map(("originId", "o"), ("domainName", "a.example.com"), ("customOriginConfig", Value.Map(("originProtocolPolicy", "http-only"))))))));
        var findings = Evaluate(stack).Of("MR003-tls-only").Select(f => $"{f.Resource}.{f.Property}").ToArray();
        Assert.Contains("httpForward.defaultActions", findings);
        Assert.Contains("oldTls.sslPolicy", findings);
        Assert.Contains("openCdn.viewerCertificate.minimumProtocolVersion", findings);
        Assert.Contains("clearCache.transitEncryptionEnabled", findings);
        Assert.Contains("openCdn.defaultCacheBehavior.viewerProtocolPolicy", findings);
        Assert.Contains("openCdn.origins.customOriginConfig.originProtocolPolicy", findings);
    }

    [Fact]
    public void MR004_flags_optional_instance_metadata_tokens()
    {
        var stack = Regional();
        stack.AddResource("imdsV1", AwsTypes.LaunchTemplate, Value.Map(
            ("metadataOptions", Value.Map(("httpTokens", "optional"))),
            ("blockDeviceMappings", Value.List(Value.Map(("deviceName", "/dev/xvda"), ("ebs", Value.Map(("encrypted", "true"))))))));
        var finding = Assert.Single(Evaluate(stack).Findings);
        Assert.Equal("MR004-imdsv2", finding.RuleId);
        Assert.Equal("metadataOptions.httpTokens", finding.Property);
    }

    [Fact]
    public void MR005_flags_internet_ingress_to_a_database_group_but_not_to_the_load_balancer()
    {
        var stack = Regional();
        var groups = new ApplicationSecurityGroups(stack, "security", new ApplicationSecurityGroupsArgs("vpc-1"));
        stack.AddResource("db", AwsTypes.DbCluster, Value.Map(("engine", "aurora-postgresql"), ("storageEncrypted", true), ("deletionProtection", true),
            ("vpcSecurityGroupIds", Value.List(groups.Database.Output("id")))));
        Assert.Empty(Evaluate(stack).Of("MR005-no-open-data-ingress"));

        stack.AddResource("databaseFromAnywhere", AwsTypes.SecurityGroupIngressRule, Value.Map(
            ("securityGroupId", groups.Database.Output("id")), ("ipProtocol", "tcp"), ("fromPort", 5432), ("toPort", 5432), ("cidrIpv4", "0.0.0.0/0")));
        var finding = Assert.Single(Evaluate(stack).Of("MR005-no-open-data-ingress"));
        Assert.Equal("databaseFromAnywhere", finding.Resource);
        Assert.Contains("securityDatabase", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MR006_flags_replication_out_of_the_gdpr_region_unless_an_exception_allows_it()
    {
        static StackDefinition CrossRegion()
        {
            var stack = new StackDefinition("cross-region", "test");
            AwsProviders.Declare(stack, "eu-central-1", new Dictionary<string, string>(), isDefault: true);
            var eu = stack.Reference("eu-central-1");
            var us = stack.Reference("us-east-1");
            stack.AddResource("euReplication", AwsTypes.BucketReplicationConfig, Value.Map(
                ("bucket", eu.Output(AwsOutputs.BucketName)),
                ("role", "arn:role"),
                ("rules", Value.List(Value.Map(("status", "Enabled"), ("destination", Value.Map(("bucket", us.Output(AwsOutputs.BucketArn)))))))));
            stack.AddResource("euTable", AwsTypes.DynamoDbTable, Value.Map(("deletionProtectionEnabled", true),
                ("serverSideEncryption", Value.Map(("enabled", true))),
                ("replicas", Value.List(Value.Map(("regionName", "us-west-2"))))));
            return stack;
        }

        var findings = Evaluate(CrossRegion()).Of("MR006-data-residency");
        Assert.Contains(findings, f => f.Resource == "euReplication" && f.Message.Contains("eu-central-1", StringComparison.Ordinal) && f.Message.Contains("us-east-1", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Resource == "euTable" && f.Property == "replicas");

        var allowed = AwsTestProject.InMemory(c => c["residencyExceptions"] = new JsonArray(
            new JsonObject { ["from"] = "eu-central-1", ["to"] = "us-east-1", ["justification"] = "backup under SCCs" },
            new JsonObject { ["from"] = "eu-central-1", ["to"] = "us-west-2", ["justification"] = "backup under SCCs" }));
        Assert.Empty(Evaluate(allowed, CrossRegion()).Of("MR006-data-residency"));
    }

    [Fact]
    public void MR006_allows_replication_into_the_gdpr_region()
    {
        var stack = new StackDefinition("cross-region", "test");
        AwsProviders.Declare(stack, "us-east-1", new Dictionary<string, string>(), isDefault: true);
        stack.AddResource("toEu", AwsTypes.BucketReplicationConfig, Value.Map(
            ("bucket", stack.Reference("us-east-1").Output(AwsOutputs.BucketName)),
            ("role", "arn:role"),
            ("rules", Value.List(Value.Map(("destination", Value.Map(("bucket", stack.Reference("eu-central-1").Output(AwsOutputs.BucketArn)))))))));
        Assert.Empty(Evaluate(stack).Of("MR006-data-residency"));
    }

    [Fact]
    public void MR007_flags_peering_of_overlapping_blocks()
    {
        var stack = Regional();
        var a = stack.AddResource("vpcA", AwsTypes.Vpc, Value.Map(("cidrBlock", "10.0.0.0/16")));
        var b = stack.AddResource("vpcB", AwsTypes.Vpc, Value.Map(("cidrBlock", "10.0.128.0/17")));
        var c = stack.AddResource("vpcC", AwsTypes.Vpc, Value.Map(("cidrBlock", "10.9.0.0/16")));
        stack.AddResource("overlapping", AwsTypes.VpcPeeringConnection, Value.Map(("vpcId", a.Output("id")), ("peerVpcId", b.Output("id"))));
        stack.AddResource("disjoint", AwsTypes.VpcPeeringConnection, Value.Map(("vpcId", a.Output("id")), ("peerVpcId", c.Output("id"))));
        var finding = Assert.Single(Evaluate(stack).Of("MR007-peered-cidrs-disjoint"));
        Assert.Equal("overlapping", finding.Resource);
        Assert.Contains("10.0.128.0/17", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MR008_flags_failover_without_an_enabled_secondary()
    {
        var project = AwsTestProject.InMemory(c =>
        {
            var regions = AwsTestProject.ExampleRegions();
            foreach (var region in regions.Skip(1))
            {
                region!["enabled"] = false;
            }

            c["regions"] = regions;
        });
        var finding = Assert.Single(Evaluate(project).Of("MR008-failover-secondary"));
        Assert.Equal(PolicyFinding.Topology, finding.Resource);

        var stack = Regional();
        stack.AddResource("onlyPrimary", AwsTypes.Record, Value.Map(("zoneId", "Z"), ("name", "x.example.com"), ("type", "A"),
            ("failoverRoutingPolicies", Value.List(Value.Map(("type", "PRIMARY"))))));
        Assert.Contains(Evaluate(stack).Of("MR008-failover-secondary"), f => f.Resource == "onlyPrimary");
    }

    [Fact]
    public void MR009_flags_a_pulumi_record_at_the_checker_owned_service_name()
    {
        var stack = Regional();
        stack.AddResource("serviceRecord", AwsTypes.Record, Value.Map(("zoneId", "Z"), ("name", "app.example.com."), ("type", "CNAME"), ("records", Value.List("x"))));
        stack.AddResource("regionalRecord", AwsTypes.Record, Value.Map(("zoneId", "Z"), ("name", "us-east-1.example.com"), ("type", "CNAME"), ("records", Value.List("x"))));
        var finding = Assert.Single(Evaluate(stack).Of("MR009-checker-owned-name"));
        Assert.Equal("serviceRecord", finding.Resource);
        Assert.Equal("name", finding.Property);
    }

    [Fact]
    public void MR010_warns_when_deletion_protection_is_off()
    {
        var stack = Regional();
        stack.AddResource("fragile", AwsTypes.DbCluster, Value.Map(("engine", "aurora-postgresql"), ("storageEncrypted", true), ("deletionProtection", false)));
        var report = Evaluate(stack);
        var finding = Assert.Single(report.Findings);
        Assert.Equal("MR010-deletion-protection", finding.RuleId);
        Assert.Equal(PolicySeverity.Warning, finding.Severity);
        Assert.False(report.HasErrors);
    }
}
