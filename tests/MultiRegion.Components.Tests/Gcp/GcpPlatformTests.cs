using MultiRegion.Components.Gcp;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Tests.Support;

namespace MultiRegion.Components.Tests.Gcp;

public sealed class GcpPlatformTests : IDisposable
{
    private const string Regions = """
              - id: europe-west1
                cloud: gcp
                role: primary
                priority: 100
                weight: 60
                cidr: 10.10.0.0/16
              - id: us-central1
                cloud: gcp
                role: secondary
                priority: 90
                weight: 40
                cidr: 10.11.0.0/16
        """;

    private static readonly Dictionary<string, string> Stacks = new()
    {
        ["global"] = "config:\n  gcp:region: europe-west1\n  gcp:project: demo\n",
        ["europe-west1"] = "config:\n  gcp:region: europe-west1\n  gcp:project: demo\n  multiregion:kmsKeyName: projects/demo/locations/europe-west1/keyRings/r/cryptoKeys/k\n",
        ["us-central1"] = "config:\n  gcp:region: us-central1\n  gcp:project: demo\n",
        ["cross-region"] = "config:\n  gcp:region: europe-west1\n  gcp:project: demo\n",
    };

    private readonly TestProject _project;
    private readonly DeploymentSynthesizer _synth;

    public GcpPlatformTests()
    {
        _project = TestProject.Create(TestProject.ProjectYaml(Regions), Stacks);
        _synth = _project.Synthesizer();
    }

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Regional_stack_uses_an_explicit_gcp_provider_with_project_region_and_labels()
    {
        var stack = _synth.Build("europe-west1");
        var provider = stack.Single(GcpTypes.Provider);
        Assert.Equal("demo", provider.Literal("project"));
        Assert.Equal("europe-west1", provider.Literal("region"));
        Assert.Equal("production", provider.Literal("defaultLabels.environment"));
        Assert.All(stack.Resources.Where(r => r.Package == "gcp" && !r.Type.StartsWith("pulumi:", StringComparison.Ordinal)),
            r => Assert.Same(provider, r.Options.Provider));
    }

    [Fact]
    public void Network_is_custom_mode_with_a_private_flow_logged_subnetwork_router_and_nat()
    {
        var stack = _synth.Build("europe-west1");
        Assert.Equal(false, stack.Single(GcpTypes.Network).Literal("autoCreateSubnetworks"));
        var subnet = stack.Single(GcpTypes.Subnetwork);
        Assert.Equal("10.10.0.0/17", subnet.Literal("ipCidrRange"));
        Assert.Equal(true, subnet.Literal("privateIpGoogleAccess"));
        Assert.NotNull(subnet.At("logConfig.flowSampling"));
        Assert.Equal("europe-west1", subnet.Literal("region"));
        stack.Single(GcpTypes.Router);
        var nat = stack.Single(GcpTypes.RouterNat);
        Assert.Equal("LIST_OF_SUBNETWORKS", nat.Literal("sourceSubnetworkIpRangesToNat"));
    }

    [Fact]
    public void Firewall_admits_only_load_balancer_ranges_to_the_app_port_and_denies_the_rest()
    {
        var rules = _synth.Build("europe-west1").OfType(GcpTypes.Firewall);
        var allows = rules.Where(r => r.At("allows") is not null).ToArray();
        var lb = Assert.Single(allows);
        Assert.Equal(["130.211.0.0/22", "35.191.0.0/16"], lb.Literals("sourceRanges"));
        Assert.Equal(["8443"], lb.Literals("allows.0.ports"));
        Assert.DoesNotContain(allows, r => r.Literals("sourceRanges").Contains("0.0.0.0/0"));
        var deny = Assert.Single(rules, r => r.At("denies") is not null);
        Assert.Equal("all", deny.Literal("denies.0.protocol"));
        Assert.All(rules, r => Assert.NotNull(r.At("logConfig")));
    }

    [Fact]
    public void Instances_are_shielded_without_public_ip_with_os_login_and_autohealing()
    {
        var stack = _synth.Build("europe-west1");
        var template = stack.Single(GcpTypes.InstanceTemplate);
        Assert.Equal(true, template.Literal("shieldedInstanceConfig.enableSecureBoot"));
        Assert.Equal(true, template.Literal("shieldedInstanceConfig.enableVtpm"));
        Assert.Equal(true, template.Literal("shieldedInstanceConfig.enableIntegrityMonitoring"));
        Assert.Null(template.At("networkInterfaces.0.accessConfigs"));
        Assert.Equal("TRUE", template.Literal("metadata.enable-oslogin"));
        Assert.Equal("TRUE", template.Literal("metadata.block-project-ssh-keys"));
        Assert.IsType<OutputValue>(template.At("serviceAccount.email"));

        var group = stack.Single(GcpTypes.RegionInstanceGroupManager);
        var healing = Assert.IsType<OutputValue>(group.At("autoHealingPolicies.healthCheck"));
        Assert.Equal(GcpTypes.HealthCheck, healing.Resource.Type);
        Assert.Equal(300, group.Literal("autoHealingPolicies.initialDelaySec"));
        stack.Single(GcpTypes.RegionAutoscaler);
    }

    [Fact]
    public void Load_balancer_chain_is_https_only_with_managed_certificate_and_tls12()
    {
        var stack = _synth.Build("europe-west1");
        var rule = stack.Single(GcpTypes.GlobalForwardingRule);
        Assert.Equal("443", rule.Literal("portRange"));
        var proxy = Assert.IsType<OutputValue>(rule.At("target")).Resource;
        Assert.Equal(GcpTypes.TargetHttpsProxy, proxy.Type);
        var urlMap = Assert.IsType<OutputValue>(proxy.At("urlMap")).Resource;
        var backend = Assert.IsType<OutputValue>(urlMap.At("defaultService")).Resource;
        Assert.Equal(GcpTypes.BackendService, backend.Type);
        Assert.Equal("HTTPS", backend.Literal("protocol"));
        Assert.Equal(GcpTypes.HealthCheck, Assert.IsType<OutputValue>(backend.At("healthChecks")).Resource.Type);
        Assert.Equal("TLS_1_2", stack.Single(GcpTypes.SslPolicy).Literal("minTlsVersion"));
        Assert.Equal(["app.example.com"], stack.Single(GcpTypes.ManagedSslCertificate).Literals("managed.domains"));
        Assert.DoesNotContain(stack.Resources, r => r.Type == "gcp:compute/targetHttpProxy:TargetHttpProxy");
    }

    [Fact]
    public void Primary_database_is_private_protected_and_backed_up()
    {
        var sql = _synth.Build("europe-west1").Single(GcpTypes.SqlDatabaseInstance);
        Assert.Equal(true, sql.Literal("deletionProtection"));
        Assert.True(sql.Options.Protect);
        Assert.Equal(false, sql.Literal("settings.ipConfiguration.ipv4Enabled"));
        Assert.Null(sql.At("settings.ipConfiguration.privateNetwork"));
        Assert.Equal(true, sql.Literal("settings.ipConfiguration.pscConfigs.0.pscEnabled"));
        Assert.Equal(["demo"], sql.Literals("settings.ipConfiguration.pscConfigs.0.allowedConsumerProjects"));
        Assert.Equal("ENCRYPTED_ONLY", sql.Literal("settings.ipConfiguration.sslMode"));
        Assert.Equal(true, sql.Literal("settings.backupConfiguration.enabled"));
        Assert.Equal(true, sql.Literal("settings.backupConfiguration.pointInTimeRecoveryEnabled"));
        Assert.Equal("REGIONAL", sql.Literal("settings.availabilityType"));
        Assert.Equal("projects/demo/locations/europe-west1/keyRings/r/cryptoKeys/k", sql.Literal("encryptionKeyName"));
        Assert.Null(sql.At("masterInstanceName"));
    }

    [Fact]
    public void Each_region_reaches_its_local_instance_through_a_psc_endpoint_in_its_own_vpc()
    {
        foreach (var region in new[] { "europe-west1", "us-central1" })
        {
            var stack = _synth.Build(region);
            var rule = stack.Single(GcpTypes.ForwardingRule);
            Assert.Equal(string.Empty, rule.Literal("loadBalancingScheme"));
            var target = Assert.IsType<OutputValue>(rule.At("target"));
            Assert.Equal(GcpTypes.SqlDatabaseInstance, target.Resource.Type);
            Assert.Equal("pscServiceAttachmentLink", target.Path);
            Assert.Equal(GcpTypes.Network, Assert.IsType<OutputValue>(rule.At("network")).Resource.Type);
            Assert.Equal("INTERNAL", stack.Single(GcpTypes.Address).Literal("addressType"));
            Assert.True(stack.Outputs.ContainsKey(GcpPlatform.DatabaseAddressOutput));
            var zone = Assert.Single(stack.OfType(GcpTypes.ManagedZone));
            Assert.Equal("private", zone.Literal("visibility"));
            Assert.Equal($"{region}.sql.goog.", zone.Literal("dnsName"));
            var record = stack.Single(GcpTypes.RecordSet);
            Assert.Equal("dnsName", Assert.IsType<OutputValue>(record.At("name")).Path);
        }
    }

    [Fact]
    public void Secondary_database_is_a_cross_region_replica_of_the_primary_stacks_instance()
    {
        var stack = _synth.Build("us-central1");
        var sql = stack.Single(GcpTypes.SqlDatabaseInstance);
        var master = Assert.IsType<StackOutputValue>(sql.At("masterInstanceName"));
        Assert.Equal("europe-west1", master.Reference.StackName);
        Assert.Equal(GcpPlatform.DatabaseInstanceOutput, master.OutputName);
        Assert.Null(sql.At("settings.backupConfiguration"));
        Assert.Contains("europe-west1", stack.ReferencedStacks);
    }

    [Fact]
    public void Bucket_is_regional_uniform_never_public_versioned_with_cmek_when_configured()
    {
        var withKey = _synth.Build("europe-west1").Single(GcpTypes.Bucket);
        Assert.Equal("EUROPE-WEST1", withKey.Literal("location"));
        Assert.Equal(true, withKey.Literal("uniformBucketLevelAccess"));
        Assert.Equal("enforced", withKey.Literal("publicAccessPrevention"));
        Assert.Equal(true, withKey.Literal("versioning.enabled"));
        Assert.Equal(false, withKey.Literal("forceDestroy"));
        Assert.NotNull(withKey.At("encryption.defaultKmsKeyName"));
        Assert.Null(_synth.Build("us-central1").Single(GcpTypes.Bucket).At("encryption"));
    }

    [Fact]
    public void Cmek_grants_the_storage_and_cloud_sql_service_agents_use_of_the_key_before_they_need_it()
    {
        var stack = _synth.Build("europe-west1");
        var grants = stack.OfType(GcpTypes.CryptoKeyIamMember);
        Assert.Equal(2, grants.Count);
        Assert.All(grants, g => Assert.Equal("roles/cloudkms.cryptoKeyEncrypterDecrypter", g.Literal("role")));
        Assert.All(grants, g => Assert.Equal("projects/demo/locations/europe-west1/keyRings/r/cryptoKeys/k", g.Literal("cryptoKeyId")));
        Assert.Contains(stack.Single(GcpTypes.Bucket).Options.DependsOn, d => d.Type == GcpTypes.CryptoKeyIamMember);
        Assert.Contains(stack.Single(GcpTypes.SqlDatabaseInstance).Options.DependsOn, d => d.Type == GcpTypes.CryptoKeyIamMember);
        Assert.Equal("sqladmin.googleapis.com", stack.Single(GcpTypes.ServiceIdentity).Literal("service"));
        Assert.Contains(stack.Variables, v => v.Value is InvokeValue { Function: GcpTypes.GetStorageServiceAccount });
        Assert.Empty(_synth.Build("us-central1").OfType(GcpTypes.CryptoKeyIamMember));
    }

    [Fact]
    public void Regional_stack_exports_the_regional_contract()
    {
        var outputs = _synth.Build("us-central1").Outputs;
        foreach (var key in new[] { RegionalOutputs.Region, RegionalOutputs.Endpoint, RegionalOutputs.HealthUrl, RegionalOutputs.NetworkId, RegionalOutputs.Cidr })
        {
            Assert.True(outputs.ContainsKey(key), key);
        }

        Assert.True(outputs.ContainsKey(GcpPlatform.PrimaryEndpointOutput));
    }

    [Fact]
    public void Global_stack_holds_a_dnssec_cloud_dns_zone_when_the_primary_is_on_gcp()
    {
        var global = _synth.Build("global");
        var zone = global.Single(GcpTypes.ManagedZone);
        Assert.Equal("example.com.", zone.Literal("dnsName"));
        Assert.Equal("on", zone.Literal("dnssecConfig.state"));
        Assert.True(zone.Options.Protect);
        Assert.True(global.Outputs.ContainsKey(GlobalOutputs.ZoneId));
    }

    [Fact]
    public void Failover_policy_becomes_a_health_checked_primary_backup_record()
    {
        var cross = _synth.Build("cross-region");
        var record = cross.Single(GcpTypes.RecordSet);
        Assert.Equal("app.example.com.", record.Literal("name"));
        Assert.Equal("A", record.Literal("type"));
        var primary = Assert.IsType<StackOutputValue>(Assert.IsType<ListValue>(record.At("routingPolicy.primaryBackup.primary.externalEndpoints")).Items[0]);
        Assert.Equal("europe-west1", primary.Reference.StackName);
        Assert.Equal("us-central1", record.Literal("routingPolicy.primaryBackup.backupGeos.0.location"));
        var check = Assert.IsType<OutputValue>(record.At("routingPolicy.healthCheck")).Resource;
        Assert.Equal(3, check.Literals("sourceRegions").Count);
        Assert.Equal("/healthz", check.Literal("httpsHealthCheck.requestPath"));
        Assert.Equal(2, cross.OfType(GcpTypes.NetworkPeering).Count);
    }

    [Fact]
    public void Weighted_policy_becomes_weighted_round_robin_and_geo_becomes_geo()
    {
        foreach (var (policy, path) in new[] { ("weighted", "routingPolicy.wrrs.1.weight"), ("geo", "routingPolicy.geos.1.location"), ("latency", "routingPolicy.geos.0.location") })
        {
            using var project = TestProject.Create(TestProject.ProjectYaml(Regions, policy), Stacks);
            var record = project.Synthesizer().Build("cross-region").Single(GcpTypes.RecordSet);
            Assert.NotNull(record.At(path));
        }
    }

    [Fact]
    public void A_single_gcp_region_gets_a_plain_record()
    {
        var regions = Regions[..Regions.IndexOf("      - id: us-central1", StringComparison.Ordinal)] + "      - id: westeurope\n        cloud: azure\n        role: secondary\n        priority: 50\n        cidr: 10.12.0.0/16\n";
        var stacks = new Dictionary<string, string>(Stacks) { ["westeurope"] = "config:\n  azure-native:location: westeurope\n  multiregion:sshPublicKey: ssh-ed25519 AAAAexample ops\n  multiregion:sqlAdminLogin: sql-admins\n  multiregion:sqlAdminObjectId: 11111111-1111-1111-1111-111111111111\n" };
        stacks.Remove("us-central1");
        using var project = TestProject.Create(TestProject.ProjectYaml(regions), stacks);
        var record = project.Synthesizer().Build("cross-region").Single(GcpTypes.RecordSet);
        Assert.Null(record.At("routingPolicy"));
        Assert.Equal("europe-west1", Assert.IsType<StackOutputValue>(Assert.IsType<ListValue>(record.At("rrdatas")).Items[0]).Reference.StackName);
    }

    [Fact]
    public void Gcp_stack_without_a_project_is_rejected_naming_the_file_and_key()
    {
        var stacks = new Dictionary<string, string>(Stacks) { ["us-central1"] = "config:\n  gcp:region: us-central1\n" };
        using var project = TestProject.Create(TestProject.ProjectYaml(Regions), stacks);
        var error = Assert.Throws<Components.Configuration.ConfigurationException>(() => project.Load());
        Assert.Contains("gcp:project", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pulumi.us-central1.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replica_outside_the_eu_of_a_gdpr_anchor_needs_a_residency_exception()
    {
        var gdpr = Regions.Replace("cidr: 10.10.0.0/16", "cidr: 10.10.0.0/16\n        compliance: [gdpr]", StringComparison.Ordinal);
        using (var refused = TestProject.Create(TestProject.ProjectYaml(gdpr), Stacks))
        {
            var error = Assert.Throws<Components.Configuration.ConfigurationException>(() => refused.Load());
            Assert.Contains("regions[1].id", error.Message, StringComparison.Ordinal);
            Assert.Contains("residencyExceptions", error.Message, StringComparison.Ordinal);
        }

        const string exception = "  residencyExceptions:\n    value:\n      - { from: europe-west1, to: us-central1, justification: anonymised analytics only }";
        using var allowed = TestProject.Create(TestProject.ProjectYaml(gdpr, extra: exception), Stacks);
        Assert.NotNull(allowed.Synthesizer().Build("us-central1").Single(GcpTypes.SqlDatabaseInstance).At("masterInstanceName"));
    }

    [Fact]
    public void Names_are_rfc1035()
    {
        Assert.Equal("app-us-east-1-vpc", GcpNames.Of("App_US.east-1", "vpc"));
        Assert.Equal("r1-x", GcpNames.Of("1", "x"));
        Assert.True(GcpNames.Of(new string('a', 80), "vpc").Length <= 63);
    }
}
