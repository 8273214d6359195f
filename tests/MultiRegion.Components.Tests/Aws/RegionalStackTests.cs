using MultiRegion.Components.Aws;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Policy;

namespace MultiRegion.Components.Tests.Aws;

public sealed class RegionalStackTests
{
    private static readonly string[] BlockSettings = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
    private static readonly Components.Configuration.ProjectModel Project = AwsTestProject.InMemory();
    private readonly StackDefinition _primary = AwsTestProject.Build(Project, "us-east-1");
    private readonly StackDefinition _secondary = AwsTestProject.Build(Project, "eu-central-1");

    [Fact]
    public void Security_groups_open_only_the_tier_paths()
    {
        var ingress = _primary.OfType(AwsTypes.SecurityGroupIngressRule);
        var open = ingress.Where(r => r.Text("cidrIpv4") == "0.0.0.0/0").ToArray();
        Assert.Equal([80, 443], open.Select(r => (int)r.Literal("fromPort")!).Order());
        Assert.All(open, r => Assert.True(r.At("securityGroupId").Reads(_primary.Named("securityLoadBalancer"))));

        var database = _primary.Named("securityDatabase");
        var cache = _primary.Named("securityCache");
        var application = _primary.Named("securityApplication");
        var toData = ingress.Where(r => r.At("securityGroupId").Reads(database) || r.At("securityGroupId").Reads(cache)).ToArray();
        Assert.Equal(2, toData.Length);
        Assert.All(toData, r =>
        {
            Assert.True(r.At("referencedSecurityGroupId").Reads(application));
            Assert.Null(r.At("cidrIpv4"));
        });
        Assert.True(ingress.Single(r => r.At("securityGroupId").Reads(application)).At("referencedSecurityGroupId").Reads(_primary.Named("securityLoadBalancer")));
        Assert.DoesNotContain(_primary.OfType(AwsTypes.SecurityGroupEgressRule), r => r.At("securityGroupId").Reads(database) || r.At("securityGroupId").Reads(cache));
        Assert.All(_primary.OfType(AwsTypes.SecurityGroup), g => Assert.Null(g.At("ingress")));
    }

    [Fact]
    public void Load_balancer_serves_https_with_the_regional_certificate_and_redirects_http()
    {
        var listeners = _primary.OfType(AwsTypes.Listener);
        var https = listeners.Single(l => l.Text("protocol") == "HTTPS");
        Assert.Equal(443, https.Literal("port"));
        Assert.StartsWith("ELBSecurityPolicy-TLS13", https.Text("sslPolicy"), StringComparison.Ordinal);
        Assert.True(https.At("certificateArn").Reads(_primary.Single(AwsTypes.CertificateValidation)));

        var http = listeners.Single(l => l.Text("protocol") == "HTTP");
        var action = Assert.Single(http.Items("defaultActions"));
        Assert.Equal("redirect", ValueQuery.Text(ValueQuery.At(action, "type")));
        Assert.Equal("HTTPS", ValueQuery.Text(ValueQuery.At(action, "redirect.protocol")));

        var targets = _primary.Single(AwsTypes.TargetGroup);
        Assert.Equal("/healthz", targets.Text("healthCheck.path"));
        var alb = _primary.Single(AwsTypes.LoadBalancer);
        Assert.True(alb.IsTrue("dropInvalidHeaderFields"));
        Assert.True(alb.IsTrue("enableDeletionProtection"));
        Assert.All(alb.Items("subnets"), s => Assert.Contains("Public", ((OutputValue)s).Resource.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Regional_certificate_covers_the_regional_and_service_names_validated_in_the_global_zone()
    {
        var certificate = _primary.Single(AwsTypes.Certificate);
        Assert.Equal("us-east-1.example.com", certificate.Text("domainName"));
        Assert.Equal(["app.example.com"], certificate.Texts("subjectAlternativeNames"));
        var validations = _primary.OfType(AwsTypes.Record).Where(r => r.Name.StartsWith("tlsValidation", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, validations.Length);
        Assert.All(validations, r => Assert.Equal("global:zoneId", r.At("zoneId").ReadsStackOutput()));
    }

    [Fact]
    public void Launch_template_requires_imdsv2_and_encrypts_ebs_with_the_region_key()
    {
        var template = _primary.Single(AwsTypes.LaunchTemplate);
        Assert.Equal("required", template.Text("metadataOptions.httpTokens"));
        Assert.Equal(1, template.Literal("metadataOptions.httpPutResponseHopLimit"));
        var ebs = ValueQuery.At(Assert.Single(template.Items("blockDeviceMappings")), "ebs");
        Assert.Equal("true", ValueQuery.Text(ValueQuery.At(ebs, "encrypted")));
        Assert.True(ValueQuery.At(ebs, "kmsKeyId").Reads(_primary.Single(AwsTypes.KmsKey)));
        Assert.Null(template.At("networkInterfaces"));

        var role = _primary.Single(AwsTypes.Role);
        Assert.Contains("ec2.amazonaws.com", role.Texts("assumeRolePolicy"));
        Assert.Equal("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", _primary.Single(AwsTypes.RolePolicyAttachment).Text("policyArn"));
        Assert.True(template.At("iamInstanceProfile.arn").Reads(_primary.Single(AwsTypes.InstanceProfile)));
    }

    [Fact]
    public void Auto_scaling_group_uses_the_region_sizes_in_private_subnets()
    {
        var group = _primary.Single(AwsTypes.AutoScalingGroup);
        var capacity = Project.Topology.Find("us-east-1")!.Capacity;
        Assert.Equal(capacity.MinSize, group.Literal("minSize"));
        Assert.Equal(capacity.MaxSize, group.Literal("maxSize"));
        Assert.Equal(capacity.InstanceType, _primary.Single(AwsTypes.LaunchTemplate).Text("instanceType"));
        Assert.Equal("ELB", group.Text("healthCheckType"));
        Assert.All(group.Items("vpcZoneIdentifiers"), s => Assert.Contains("Private", ((OutputValue)s).Resource.Name, StringComparison.Ordinal));
        Assert.Contains("desiredCapacity", group.Options.IgnoreChanges);
    }

    [Fact]
    public void Primary_creates_the_global_cluster_and_secondaries_join_it_through_the_primary_stack()
    {
        var global = _primary.Single(AwsTypes.GlobalCluster);
        Assert.True(global.IsTrue("storageEncrypted"));
        Assert.True(global.IsTrue("deletionProtection"));
        var writer = _primary.Single(AwsTypes.DbCluster);
        Assert.True(writer.At("globalClusterIdentifier").Reads(global));
        Assert.True(writer.IsTrue("storageEncrypted"));
        Assert.True(writer.IsTrue("deletionProtection"));
        Assert.True(writer.At("kmsKeyId").Reads(_primary.Single(AwsTypes.KmsKey)));
        Assert.IsType<SecretValue>(writer.At("masterPassword"));
        Assert.Contains("masterPassword", writer.Options.IgnoreChanges);
        Assert.True(writer.Options.Protect);

        Assert.Empty(_secondary.OfType(AwsTypes.GlobalCluster));
        var reader = _secondary.Single(AwsTypes.DbCluster);
        Assert.Equal("us-east-1:globalClusterId", reader.At("globalClusterIdentifier").ReadsStackOutput());
        Assert.Null(reader.At("masterUsername"));
        Assert.Null(reader.At("masterPassword"));
        Assert.True(reader.At("kmsKeyId").Reads(_secondary.Single(AwsTypes.KmsKey)));
        Assert.Contains("replicationSourceIdentifier", reader.Options.IgnoreChanges);
        Assert.Contains("us-east-1", _secondary.ReferencedStacks);
        Assert.DoesNotContain("us-east-1", _primary.ReferencedStacks);
        Assert.All(_primary.OfType(AwsTypes.DbClusterInstance), i => Assert.False((bool)i.Literal("publiclyAccessible")!));
    }

    [Fact]
    public void Cache_is_multi_az_with_failover_and_encrypted_both_ways()
    {
        var cache = _primary.Single(AwsTypes.CacheReplicationGroup);
        Assert.True(cache.IsTrue("multiAzEnabled"));
        Assert.True(cache.IsTrue("automaticFailoverEnabled"));
        Assert.True(cache.IsTrue("atRestEncryptionEnabled"));
        Assert.True(cache.IsTrue("transitEncryptionEnabled"));
        Assert.True((int)cache.Literal("numCacheClusters")! >= 2);
        Assert.True(cache.At("kmsKeyId").Reads(_primary.Single(AwsTypes.KmsKey)));
    }

    [Fact]
    public void Bucket_is_versioned_kms_encrypted_private_and_tls_only()
    {
        var bucket = _primary.Single(AwsTypes.Bucket);
        Assert.Matches("^[a-z0-9-]+-$", bucket.Text("bucketPrefix"));
        Assert.Equal("Enabled", _primary.Single(AwsTypes.BucketVersioning).Text("versioningConfiguration.status"));
        var encryption = _primary.Single(AwsTypes.BucketServerSideEncryption);
        var rule = Assert.Single(encryption.Items("rules"));
        Assert.Equal("aws:kms", ValueQuery.Text(ValueQuery.At(rule, "applyServerSideEncryptionByDefault.sseAlgorithm")));
        var block = _primary.Single(AwsTypes.BucketPublicAccessBlock);
        Assert.All(BlockSettings, p => Assert.True(block.IsTrue(p), p));
        var policy = _primary.Single(AwsTypes.BucketPolicy);
        Assert.Contains("aws:SecureTransport", string.Join(' ', policy.Texts("policy")) + string.Join(' ', KeysOf(policy.At("policy"))));
    }

    [Fact]
    public void Region_key_rotates_and_alarms_go_to_an_encrypted_topic()
    {
        var key = _primary.Single(AwsTypes.KmsKey);
        Assert.True(key.IsTrue("enableKeyRotation"));
        Assert.True(key.Options.Protect);
        var topic = _primary.Single(AwsTypes.SnsTopic);
        Assert.True(topic.At("kmsMasterKeyId").Reads(key));
        var metrics = _primary.OfType(AwsTypes.MetricAlarm).Select(a => a.Text("metricName")).ToArray();
        Assert.Contains("HTTPCode_Target_5XX_Count", metrics);
        Assert.Contains("UnHealthyHostCount", metrics);
        Assert.DoesNotContain("AuroraGlobalDBReplicationLag", metrics);
        Assert.Contains("AuroraGlobalDBReplicationLag", _secondary.OfType(AwsTypes.MetricAlarm).Select(a => a.Text("metricName")));
        Assert.All(_primary.OfType(AwsTypes.MetricAlarm), a => Assert.True(a.Items("alarmActions")[0].Reads(topic)));
    }

    [Fact]
    public void Exports_the_regional_contract()
    {
        foreach (var output in new[]
        {
            RegionalOutputs.Region, RegionalOutputs.Endpoint, RegionalOutputs.HealthUrl, RegionalOutputs.NetworkId, RegionalOutputs.Cidr,
            AwsOutputs.LoadBalancerZoneId, AwsOutputs.VpcId, AwsOutputs.BucketName, AwsOutputs.BucketArn, AwsOutputs.KeyArn,
            AwsOutputs.GlobalClusterId, AwsOutputs.ClusterId, AwsOutputs.EventBusArn, AwsOutputs.DatabaseRouteTableId, AwsOutputs.PrivateRouteTableId(0),
        })
        {
            Assert.True(_primary.Outputs.ContainsKey(output), output);
        }

        Assert.Equal("https://us-east-1.example.com/healthz", Assert.IsType<Scalar>(_primary.Outputs[RegionalOutputs.HealthUrl]).Literal);
        Assert.True(_primary.Outputs[RegionalOutputs.Endpoint].Reads(_primary.Single(AwsTypes.LoadBalancer)));
        var alias = _primary.OfType(AwsTypes.Record).Single(r => r.Text("name") == "us-east-1.example.com");
        Assert.True(alias.Items("aliases")[0].Reads(_primary.Single(AwsTypes.LoadBalancer)));
    }

    private static IEnumerable<string> KeysOf(Value? value) => ValueQuery.Unwrap(value) switch
    {
        MapValue m => m.Entries.SelectMany(e => KeysOf(e.Value).Prepend(e.Key)),
        ListValue l => l.Items.SelectMany(KeysOf),
        _ => [],
    };
}
