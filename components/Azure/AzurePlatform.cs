using MultiRegion.Components.Azure.Compute;
using MultiRegion.Components.Azure.Database;
using MultiRegion.Components.Azure.Dns;
using MultiRegion.Components.Azure.LoadBalancing;
using MultiRegion.Components.Azure.Network;
using MultiRegion.Components.Azure.Resources;
using MultiRegion.Components.Azure.Storage;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Azure;

/// <summary>
/// The Azure implementation of the deployment's stacks. An Azure region gets a resource group, a virtual network
/// (application and data subnets behind NSGs, NAT gateway), a scale set behind a Standard load balancer with an
/// HTTPS probe, a geo-redundant storage account and an Entra-only Azure SQL server with a private endpoint (the
/// database in the cloud's anchor region, a geo-secondary elsewhere). The cross-region stack joins the anchor and
/// the next Azure region in an auto-failover group. When the primary is on Azure, the global stack holds the DNS
/// zone and a Traffic Manager profile, and the cross-region stack one endpoint per region.
/// </summary>
public sealed class AzurePlatform : ICloudPlatform
{
    public const string ResourceGroupOutput = "resourceGroupName";
    public const string SqlServerIdOutput = "sqlServerId";
    public const string SqlServerNameOutput = "sqlServerName";
    public const string SqlDatabaseIdOutput = "sqlDatabaseId";
    public const string StorageAccountOutput = "storageAccount";
    public const string PrimaryEndpointOutput = "primaryEndpoint";

    /// <summary>Global stack outputs (Azure primary).</summary>
    public const string GlobalResourceGroupOutput = "azureResourceGroupName";
    public const string TrafficManagerProfileOutput = "trafficManagerProfile";
    public const string TrafficManagerProfileIdOutput = "trafficManagerProfileId";
    public const string TrafficManagerFqdnOutput = "trafficManagerFqdn";

    public const string DatabaseName = "app";

    public CloudProvider Cloud => CloudProvider.Azure;

    public void BuildGlobal(GlobalStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var location = context.Topology.Primary.CloudRegion;
        var service = context.Global.ServiceName;
        AzureProviders.Declare(context.Stack, location);
        var group = new AzureResourceGroup(context.Stack, "global", AzureNames.Of($"rg-{service}", "global"), location, context.DefaultTags);
        var zone = new AzureDnsZone(context.Stack, "dns", new AzureDnsZoneArgs(context.Global.Domain, group.ResourceGroupName) { Tags = context.DefaultTags });
        var health = context.Global.HealthCheck;
        var profile = new TrafficManagerProfile(context.Stack, "trafficManager", new TrafficManagerProfileArgs(
            AzureNames.Of(service, "tm"), AzureNames.Unique(service, context.Global.Environment, context.Global.Domain), group.ResourceGroupName, context.Global.RoutingPolicy)
        {
            HealthPath = health.Path,
            IntervalSeconds = health.IntervalSeconds,
            ToleratedFailures = health.FailureThreshold,
            Ttl = health.Ttl,
            HostHeader = context.Global.ServiceFqdn,
            Tags = context.DefaultTags,
        });

        var stack = context.Stack;
        stack.Export(GlobalOutputs.ZoneId, zone.ZoneId);
        stack.Export(GlobalOutputs.NameServers, zone.NameServers);
        stack.Export(GlobalOutputs.Domain, context.Global.Domain);
        stack.Export(GlobalResourceGroupOutput, group.ResourceGroupName);
        stack.Export(TrafficManagerProfileOutput, profile.ProfileName);
        stack.Export(TrafficManagerProfileIdOutput, profile.ProfileId);
        stack.Export(TrafficManagerFqdnOutput, profile.Fqdn);
    }

    public void BuildRegion(RegionalStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var region = context.Region;
        var location = region.CloudRegion;
        var prefix = $"{context.Global.ServiceName}-{region.Id}";
        var tags = context.DefaultTags;
        var seed = context.Global.Domain;
        AzureProviders.Declare(context.Stack, location);

        var group = new AzureResourceGroup(context.Stack, "resourceGroup", AzureNames.Of("rg", prefix), location, tags);
        var network = new AzureNetwork(context.Stack, "network", new AzureNetworkArgs(prefix, location, group.ResourceGroupName, region.Cidr)
        {
            EnableNatGateway = region.Network.NatStrategy != NatStrategy.None,
            Tags = tags,
        });

        var health = context.Global.HealthCheck;
        var loadBalancer = new AzureLoadBalancer(context.Stack, "loadBalancer", new AzureLoadBalancerArgs(
            prefix, location, group.ResourceGroupName, group.Id, AzureNames.Unique(context.Global.ServiceName, region.Id, seed))
        {
            HealthPath = health.Path,
            ProbeIntervalSeconds = Math.Max(5, health.IntervalSeconds),
            ProbeThreshold = health.FailureThreshold,
            Tags = tags,
        });

        _ = new AzureScaleSet(context.Stack, "fleet", new AzureScaleSetArgs(
            prefix, location, group.ResourceGroupName, network.AppSubnet.Output("id"), loadBalancer.BackendPoolId, loadBalancer.ProbeId,
            context.Settings.Get("multiregion:sshPublicKey") ?? string.Empty)
        {
            VmSize = VmSize(region.Capacity.InstanceType),
            MinSize = region.Capacity.MinSize,
            MaxSize = region.Capacity.MaxSize,
            DesiredSize = region.Capacity.DesiredSize,
            Zones = ZonesFor(region),
            Tags = tags,
        });

        var storage = new AzureStorageAccount(context.Stack, "storage", new AzureStorageAccountArgs(
            AzureNames.StorageAccount($"{context.Global.ServiceName}{region.Id}", seed), location, group.ResourceGroupName)
        {
            Tags = tags,
        });

        // Public network access is off, so the application reaches Blob storage through a private endpoint.
        _ = new AzurePrivateEndpoint(context.Stack, "storagePrivate", new AzurePrivateEndpointArgs(
            $"{prefix}-blob-pe", location, group.ResourceGroupName, network.DataSubnet.Output("id"), storage.Account.Output("id"), "blob", AzureStorageAccount.BlobPrivateLinkZone)
        {
            VirtualNetworkId = network.VirtualNetwork.Output("id"),
            Tags = tags,
        });

        var anchor = CloudAnchor.For(context.Topology, CloudProvider.Azure);
        var sql = new AzureSqlServer(context.Stack, "database", new AzureSqlServerArgs(
            AzureNames.Unique(prefix, "sql", seed), DatabaseName, location, group.ResourceGroupName, network.DataSubnet.Output("id"),
            context.Settings.Get("multiregion:sqlAdminLogin") ?? string.Empty,
            context.Settings.Get("multiregion:sqlAdminObjectId") ?? string.Empty)
        {
            VirtualNetworkId = network.VirtualNetwork.Output("id"),
            SourceDatabaseId = anchor is null || anchor.Id == region.Id
                ? null
                : context.Stack.Reference(anchor.Id).Output(SqlDatabaseIdOutput),
            Tags = tags,
        });

        var stack = context.Stack;
        stack.Export(RegionalOutputs.Region, region.Id);
        stack.Export(RegionalOutputs.Endpoint, loadBalancer.HostName);
        stack.Export(RegionalOutputs.HealthUrl, InterpolatedValue.Of("https://", loadBalancer.HostName, health.Path));
        stack.Export(RegionalOutputs.NetworkId, network.VirtualNetwork.Output("id"));
        stack.Export(RegionalOutputs.Cidr, region.Cidr);
        stack.Export(ResourceGroupOutput, group.ResourceGroupName);
        stack.Export(SqlServerIdOutput, sql.Server.Output("id"));
        stack.Export(SqlServerNameOutput, sql.Server.Output("name"));
        stack.Export(SqlDatabaseIdOutput, sql.Database.Output("id"));
        stack.Export(StorageAccountOutput, storage.Account.Output("name"));
        if (!region.IsPrimary)
        {
            stack.Export(PrimaryEndpointOutput, stack.Reference(context.Topology.Primary.Id).Output(RegionalOutputs.Endpoint));
        }
    }

    public void BuildCrossRegion(CrossRegionStackContext context, IReadOnlyList<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(regions);
        context.Stack.Export("azureNetworks", Value.Map(regions
            .Select(r => (r.Id, (Value?)context.RegionOutput(r, RegionalOutputs.NetworkId)))
            .ToArray()));

        var anchor = CloudAnchor.For(context.Topology, CloudProvider.Azure);
        var partner = regions
            .Where(r => r.Id != anchor?.Id && r.Enabled)
            .OrderByDescending(r => r.Priority)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (anchor is null || partner is null)
        {
            // One Azure region: nothing to fail over to inside Azure.
            return;
        }

        AzureProviders.Declare(context.Stack, null);
        var name = AzureNames.Unique(context.Global.ServiceName, "fog", context.Global.Domain);
        _ = new AzureSqlFailoverGroup(context.Stack, "sqlFailover", new AzureSqlFailoverGroupArgs(
            name,
            context.RegionOutput(anchor, ResourceGroupOutput),
            context.RegionOutput(anchor, SqlServerNameOutput),
            context.RegionOutput(partner, SqlServerIdOutput),
            [context.RegionOutput(anchor, SqlDatabaseIdOutput)])
        {
            Tags = context.DefaultTags,
        });
        context.Stack.Export("sqlReadWriteListener", AzureSqlFailoverGroup.ReadWriteListener(name));
        context.Stack.Export("sqlFailoverPartners", Value.List(anchor.Id, partner.Id));
    }

    public void BuildDnsRecords(CrossRegionStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        AzureProviders.Declare(context.Stack, null);
        var ranked = context.Topology.Regions
            .OrderByDescending(r => r.Priority)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select((r, i) => new TrafficManagerTarget(
                r.Id,
                context.RegionOutput(r, RegionalOutputs.Endpoint),
                i + 1,
                r.Weight,
                r.Enabled,
                r.Cloud == CloudProvider.Azure ? r.CloudRegion : NearestAzureLocation(r)))
            .ToArray();
        var endpoints = new TrafficManagerEndpoints(context.Stack, "dns", new TrafficManagerEndpointsArgs(
            context.GlobalOutput(GlobalResourceGroupOutput),
            context.GlobalOutput(TrafficManagerProfileOutput),
            context.GlobalOutput(TrafficManagerProfileIdOutput),
            context.Global.Domain,
            context.Global.ServiceName,
            ranked)
        {
            Ttl = context.Global.HealthCheck.Ttl,
        });
        context.Stack.Export("serviceFqdn", context.Global.ServiceFqdn);
        context.Stack.Export("trafficManagerEndpoints", Value.List(endpoints.Endpoints.Select(e => (Value)e.Output("name"))));
    }

    /// <summary>
    /// Azure locations without availability zones (a zonal scale set there fails to deploy). Not exhaustive:
    /// extend it, or set the region's <c>availabilityZones</c> to 1 for a regional (non-zonal) scale set.
    /// </summary>
    internal static readonly IReadOnlySet<string> LocationsWithoutZones = new HashSet<string>(StringComparer.Ordinal)
    {
        "westus", "westcentralus", "canadaeast", "ukwest", "southindia", "australiasoutheast",
    };

    /// <summary>Zones "1".."n" (n = the region's availability zones, at most 3); none for one zone or a zoneless location.</summary>
    internal static IReadOnlyList<string> ZonesFor(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var count = Math.Min(3, region.Network.AvailabilityZoneCount);
        return count <= 1 || LocationsWithoutZones.Contains(region.CloudRegion)
            ? []
            : Enumerable.Range(1, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The topology's instance type if it is an Azure size (<c>Standard_D2s_v5</c>), else the default.</summary>
    internal static string VmSize(string instanceType) =>
        instanceType.StartsWith("Standard_", StringComparison.Ordinal) ? instanceType : "Standard_D2s_v5";

    /// <summary>
    /// Traffic Manager's Performance routing needs an Azure location for external endpoints; other clouds' regions
    /// map to the nearest Azure location by geography (null when unknown: the endpoint then has no location).
    /// </summary>
    internal static string? NearestAzureLocation(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var r = region.CloudRegion;
        return r switch
        {
            _ when r.StartsWith("us-east", StringComparison.Ordinal) => "eastus",
            _ when r.StartsWith("us-central", StringComparison.Ordinal) || r.StartsWith("us-south", StringComparison.Ordinal) => "centralus",
            _ when r.StartsWith("us-west", StringComparison.Ordinal) => "westus2",
            _ when r.StartsWith("ca-", StringComparison.Ordinal) || r.StartsWith("northamerica-", StringComparison.Ordinal) => "canadacentral",
            _ when r.StartsWith("sa-", StringComparison.Ordinal) || r.StartsWith("southamerica-", StringComparison.Ordinal) => "brazilsouth",
            _ when r.StartsWith("eu-central", StringComparison.Ordinal) || r is "europe-west3" or "europe-west10" => "germanywestcentral",
            _ when r.StartsWith("eu-north", StringComparison.Ordinal) || r is "europe-north1" => "swedencentral",
            _ when r.StartsWith("eu-", StringComparison.Ordinal) || r.StartsWith("europe-", StringComparison.Ordinal) => "westeurope",
            _ when r.StartsWith("ap-southeast-2", StringComparison.Ordinal) || r.StartsWith("australia-", StringComparison.Ordinal) => "australiaeast",
            _ when r.StartsWith("ap-southeast", StringComparison.Ordinal) || r.StartsWith("asia-southeast", StringComparison.Ordinal) => "southeastasia",
            _ when r.StartsWith("ap-northeast-1", StringComparison.Ordinal) || r is "asia-northeast1" or "asia-northeast2" => "japaneast",
            _ when r.StartsWith("ap-northeast", StringComparison.Ordinal) || r is "asia-northeast3" => "koreacentral",
            _ when r.StartsWith("ap-south", StringComparison.Ordinal) || r.StartsWith("asia-south", StringComparison.Ordinal) => "centralindia",
            _ when r.StartsWith("ap-east", StringComparison.Ordinal) || r.StartsWith("asia-east", StringComparison.Ordinal) => "eastasia",
            _ => null,
        };
    }
}
