using MultiRegion.Components.Azure;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Tests.Support;
using Region = MultiRegion.Components.Topology.Region;

namespace MultiRegion.Components.Tests.Azure;

public sealed class AzurePlatformTests : IDisposable
{
    private const string Regions = """
              - id: westeurope
                cloud: azure
                role: primary
                priority: 100
                weight: 70
                cidr: 10.20.0.0/16
              - id: northeurope
                cloud: azure
                role: secondary
                priority: 90
                weight: 30
                cidr: 10.21.0.0/16
              - id: us-central1
                cloud: gcp
                role: secondary
                priority: 80
                cidr: 10.22.0.0/16
        """;

    private const string AzureSettings = "  multiregion:sshPublicKey: ssh-ed25519 AAAAexample ops\n  multiregion:sqlAdminLogin: sql-admins\n  multiregion:sqlAdminObjectId: 11111111-1111-1111-1111-111111111111\n";

    private static readonly Dictionary<string, string> Stacks = new()
    {
        ["global"] = "config:\n  azure-native:location: westeurope\n",
        ["westeurope"] = "config:\n  azure-native:location: westeurope\n" + AzureSettings,
        ["northeurope"] = "config:\n  azure-native:location: northeurope\n" + AzureSettings,
        ["us-central1"] = "config:\n  gcp:region: us-central1\n  gcp:project: multiregion-example\n",
        ["cross-region"] = "config:\n  azure-native:location: westeurope\n",
    };

    private readonly TestProject _project;
    private readonly DeploymentSynthesizer _synth;

    public AzurePlatformTests()
    {
        _project = TestProject.Create(TestProject.ProjectYaml(Regions), Stacks);
        _synth = _project.Synthesizer();
    }

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Region_gets_a_resource_group_vnet_with_two_subnets_behind_nsgs_and_a_nat_gateway()
    {
        var stack = _synth.Build("westeurope");
        Assert.Equal("westeurope", stack.Single(AzureTypes.Provider).Literal("location"));
        Assert.Equal("westeurope", stack.Single(AzureTypes.ResourceGroup).Literal("location"));
        Assert.Equal(["10.20.0.0/16"], stack.Single(AzureTypes.VirtualNetwork).Literals("addressSpace.addressPrefixes"));
        var subnets = stack.OfType(AzureTypes.Subnet);
        Assert.Equal(["10.20.0.0/18", "10.20.64.0/18"], subnets.Select(s => s.Literal("addressPrefix")).ToArray());
        Assert.All(subnets, s => Assert.Equal(false, s.Literal("defaultOutboundAccess")));
        Assert.All(subnets, s => Assert.Equal(AzureTypes.NetworkSecurityGroup, Assert.IsType<OutputValue>(s.At("networkSecurityGroup.id")).Resource.Type));
        Assert.Equal(AzureTypes.NatGateway, Assert.IsType<OutputValue>(subnets[0].At("natGateway.id")).Resource.Type);
        Assert.All(stack.Resources.Where(r => r.Package == "azure-native" && r.Type != AzureTypes.Provider), r => Assert.NotNull(r.Options.Provider));
    }

    [Fact]
    public void Nsgs_allow_https_from_the_internet_to_the_app_subnet_only_and_deny_everything_else()
    {
        var nsgs = _synth.Build("westeurope").OfType(AzureTypes.NetworkSecurityGroup);
        var rules = nsgs.SelectMany(n => ((ListValue)n.At("securityRules")!).Items).ToArray();
        var fromInternet = rules.Where(r => (StackQueries.At(r, "sourceAddressPrefix") as Scalar)?.Literal as string is "Internet" or "*" && (StackQueries.At(r, "access") as Scalar)?.Literal as string == "Allow").ToArray();
        var https = Assert.Single(fromInternet);
        Assert.Equal("443", (StackQueries.At(https, "destinationPortRange") as Scalar)?.Literal);
        Assert.Equal(2, rules.Count(r => (StackQueries.At(r, "access") as Scalar)?.Literal as string == "Deny" && (StackQueries.At(r, "priority") as Scalar)?.Literal is 4096));
        Assert.Contains(rules, r => (StackQueries.At(r, "destinationPortRange") as Scalar)?.Literal as string == "1433"
            && (StackQueries.At(r, "sourceAddressPrefix") as Scalar)?.Literal as string == "10.20.0.0/18");
    }

    [Fact]
    public void Scale_set_sits_behind_a_standard_load_balancer_with_an_https_probe()
    {
        var stack = _synth.Build("westeurope");
        var lb = stack.Single(AzureTypes.LoadBalancer);
        Assert.Equal("Standard", lb.Literal("sku.name"));
        Assert.Equal("Https", lb.Literal("probes.0.protocol"));
        Assert.Equal("/healthz", lb.Literal("probes.0.requestPath"));
        Assert.Equal(443, lb.Literal("loadBalancingRules.0.frontendPort"));
        Assert.IsType<InterpolatedValue>(lb.At("loadBalancingRules.0.probe.id"));

        var vmss = stack.Single(AzureTypes.VirtualMachineScaleSet);
        Assert.Equal(true, vmss.Literal("virtualMachineProfile.osProfile.linuxConfiguration.disablePasswordAuthentication"));
        Assert.Null(vmss.At("virtualMachineProfile.osProfile.adminPassword"));
        Assert.Equal("TrustedLaunch", vmss.Literal("virtualMachineProfile.securityProfile.securityType"));
        Assert.NotNull(vmss.At("virtualMachineProfile.networkProfile.healthProbe.id"));
        Assert.Null(vmss.At("virtualMachineProfile.networkProfile.networkInterfaceConfigurations.0.ipConfigurations.0.publicIPAddressConfiguration"));
        Assert.Equal(true, vmss.Literal("automaticRepairsPolicy.enabled"));
        Assert.Equal("Rolling", vmss.Literal("upgradePolicy.mode"));
        Assert.Contains("sku.capacity", vmss.Options.IgnoreChanges);
        Assert.Equal(AzureTypes.VirtualMachineScaleSet, Assert.IsType<OutputValue>(stack.Single(AzureTypes.AutoscaleSetting).At("targetResourceUri")).Resource.Type);
    }

    [Fact]
    public void Storage_account_is_geo_redundant_https_only_tls12_and_never_public()
    {
        var stack = _synth.Build("westeurope");
        var account = stack.Single(AzureTypes.StorageAccount);
        Assert.Equal("Standard_RAGRS", account.Literal("sku.name"));
        Assert.Equal(true, account.Literal("enableHttpsTrafficOnly"));
        Assert.Equal("TLS1_2", account.Literal("minimumTlsVersion"));
        Assert.Equal(false, account.Literal("allowBlobPublicAccess"));
        Assert.Equal(false, account.Literal("allowSharedKeyAccess"));
        Assert.Equal("Disabled", account.Literal("publicNetworkAccess"));
        var name = Assert.IsType<string>(account.Literal("accountName"));
        Assert.Matches("^[a-z0-9]{3,24}$", name);
        Assert.Equal(true, stack.Single(AzureTypes.BlobServiceProperties).Literal("isVersioningEnabled"));
    }

    [Fact]
    public void Sql_server_is_entra_only_private_tls12_and_the_anchor_holds_the_database()
    {
        var stack = _synth.Build("westeurope");
        var server = stack.Single(AzureTypes.SqlServer);
        Assert.Equal("Disabled", server.Literal("publicNetworkAccess"));
        Assert.Equal("1.2", server.Literal("minimalTlsVersion"));
        Assert.Equal(true, server.Literal("administrators.azureADOnlyAuthentication"));
        Assert.Null(server.At("administratorLoginPassword"));
        Assert.True(server.Options.Protect);
        var db = stack.Single(AzureTypes.SqlDatabase);
        Assert.Null(db.At("createMode"));
        Assert.Equal("Geo", db.Literal("requestedBackupStorageRedundancy"));
        var endpoints = stack.OfType(AzureTypes.PrivateEndpoint);
        Assert.Equal(["blob", "sqlServer"], endpoints.Select(e => e.Literals("privateLinkServiceConnections.0.groupIds").Single()).Order().ToArray());
        Assert.All(endpoints, e => Assert.Equal(AzureTypes.Subnet, Assert.IsType<OutputValue>(e.At("subnet.id")).Resource.Type));
        Assert.Equal(["privatelink.blob.core.windows.net", "privatelink.database.windows.net"], stack.OfType(AzureTypes.PrivateDnsZone).Select(z => z.Literal("privateZoneName")).Order().ToArray());
        Assert.All(stack.OfType(AzureTypes.PrivateDnsVirtualNetworkLink), l => Assert.Equal(false, l.Literal("registrationEnabled")));
        Assert.All(stack.OfType(AzureTypes.PrivateDnsZoneGroup), g => Assert.Equal(AzureTypes.PrivateDnsZone, Assert.IsType<OutputValue>(g.At("privateDnsZoneConfigs.0.privateDnsZoneId")).Resource.Type));
    }

    [Fact]
    public void Secondary_database_is_a_geo_secondary_of_the_anchor_and_the_failover_group_joins_them()
    {
        var secondary = _synth.Build("northeurope").Single(AzureTypes.SqlDatabase);
        Assert.Equal("Secondary", secondary.Literal("createMode"));
        var source = Assert.IsType<StackOutputValue>(secondary.At("sourceDatabaseId"));
        Assert.Equal("westeurope", source.Reference.StackName);

        var group = _synth.Build("cross-region").Single(AzureTypes.SqlFailoverGroup);
        Assert.Equal("westeurope", Assert.IsType<StackOutputValue>(group.At("serverName")).Reference.StackName);
        Assert.Equal("northeurope", Assert.IsType<StackOutputValue>(group.At("partnerServers.0.id")).Reference.StackName);
        Assert.Equal("westeurope", Assert.IsType<StackOutputValue>(group.At("databases.0")).Reference.StackName);
        Assert.Equal("Automatic", group.Literal("readWriteEndpoint.failoverPolicy"));
    }

    [Fact]
    public void Global_stack_holds_the_dns_zone_and_a_priority_traffic_manager_profile()
    {
        var global = _synth.Build("global");
        Assert.True(global.Single(AzureTypes.DnsZone).Options.Protect);
        var profile = global.Single(AzureTypes.TrafficManagerProfile);
        Assert.Equal("Priority", profile.Literal("trafficRoutingMethod"));
        Assert.Equal("HTTPS", profile.Literal("monitorConfig.protocol"));
        Assert.Equal("/healthz", profile.Literal("monitorConfig.path"));
        Assert.Equal(10, profile.Literal("monitorConfig.intervalInSeconds"));
        Assert.Equal(3, profile.Literal("monitorConfig.toleratedNumberOfFailures"));
        Assert.Equal("global", profile.Literal("location"));
    }

    [Fact]
    public void Cross_region_stack_declares_one_traffic_manager_endpoint_per_region_in_priority_order()
    {
        var cross = _synth.Build("cross-region");
        var endpoints = cross.OfType(AzureTypes.TrafficManagerEndpoint);
        Assert.Equal(["westeurope", "northeurope", "us-central1"], endpoints.Select(e => e.Literal("endpointName")).ToArray());
        Assert.Equal([1, 2, 3], endpoints.Select(e => e.Literal("priority")).ToArray());
        Assert.All(endpoints, e => Assert.Equal("ExternalEndpoints", e.Literal("endpointType")));
        Assert.Equal("us-central1", Assert.IsType<StackOutputValue>(endpoints[2].At("target")).Reference.StackName);
        var record = cross.Single(AzureTypes.DnsRecordSet);
        Assert.Equal("app", record.Literal("relativeRecordSetName"));
        Assert.IsType<StackOutputValue>(record.At("targetResource.id"));
    }

    [Fact]
    public void Azure_stack_without_ssh_key_or_sql_admins_is_rejected()
    {
        var stacks = new Dictionary<string, string>(Stacks) { ["northeurope"] = "config:\n  azure-native:location: northeurope\n" };
        using var project = TestProject.Create(TestProject.ProjectYaml(Regions), stacks);
        var error = Assert.Throws<Components.Configuration.ConfigurationException>(() => project.Load());
        Assert.Contains("multiregion:sshPublicKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("multiregion:sqlAdminObjectId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_geo_redundant_storage_is_refused()
    {
        var stack = new StackDefinition("x", "x");
        Assert.Throws<ArgumentException>(() => new Components.Azure.Storage.AzureStorageAccount(stack, "s",
            new Components.Azure.Storage.AzureStorageAccountArgs("abc", "westeurope", "rg") { Sku = "Standard_LRS" }));
    }

    [Fact]
    public void Scale_set_spreads_over_zones_except_in_zoneless_locations_or_with_one_zone()
    {
        Assert.Equal(["1", "2", "3"], _synth.Build("westeurope").Single(AzureTypes.VirtualMachineScaleSet).Literals("zones"));
        Region Of(string location, int zones) => new("r", Topology.CloudProvider.Azure, location, Topology.RegionRole.Secondary, 1, true, "10.0.0.0/16", [], 1,
            Topology.RegionCapacity.Default, new Topology.NetworkSettings(zones, Topology.NatStrategy.OnePerAz), Topology.WorkerPoolSettings.Default);
        Assert.Empty(AzurePlatform.ZonesFor(Of("westcentralus", 3)));
        Assert.Empty(AzurePlatform.ZonesFor(Of("westeurope", 1)));
        Assert.Equal(["1", "2"], AzurePlatform.ZonesFor(Of("westeurope", 2)));
    }

    [Fact]
    public void Names_fit_azure_rules()
    {
        Assert.Matches("^[a-z0-9]{3,24}$", AzureNames.StorageAccount("app-verylongregionname-westeurope", "example.com"));
        var unique = AzureNames.Unique("app-westeurope", "sql", "example.com");
        Assert.Matches("^[a-z0-9-]{1,63}$", unique);
        Assert.Equal(unique, AzureNames.Unique("app-westeurope", "sql", "example.com"));
        Assert.NotEqual(unique, AzureNames.Unique("app-westeurope", "sql", "example.org"));
    }
}
