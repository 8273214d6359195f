using MultiRegion.Components.Gcp.Compute;
using MultiRegion.Components.Gcp.Database;
using MultiRegion.Components.Gcp.Dns;
using MultiRegion.Components.Gcp.LoadBalancing;
using MultiRegion.Components.Gcp.Network;
using MultiRegion.Components.Gcp.Storage;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Gcp;

/// <summary>
/// The GCP implementation of the deployment's stacks. A GCP region gets a network (subnetwork, router, NAT,
/// firewall), a managed instance group behind its own external HTTPS load balancer, Cloud SQL (the writer in the
/// cloud's anchor region, a cross-region read replica elsewhere) and a regional bucket. When the primary is on GCP,
/// the global stack holds the Cloud DNS zone and the cross-region stack the routed service record.
/// </summary>
public sealed class GcpPlatform : ICloudPlatform
{
    /// <summary>Regional stack output: the Cloud SQL instance name (what replicas use as <c>masterInstanceName</c>).</summary>
    public const string DatabaseInstanceOutput = "databaseInstance";

    /// <summary>Regional stack output: the address of the region's Private Service Connect endpoint to its Cloud SQL instance.</summary>
    public const string DatabaseAddressOutput = "databaseAddress";

    /// <summary>Regional stack output: the instance's PSC DNS name (to resolve to <see cref="DatabaseAddressOutput"/> in the VPC).</summary>
    public const string DatabaseDnsNameOutput = "databaseDnsName";

    /// <summary>Regional stack output: the regional bucket's name.</summary>
    public const string BucketOutput = "bucket";

    /// <summary>Regional stack output of secondaries: the primary region's endpoint (where writes go).</summary>
    public const string PrimaryEndpointOutput = "primaryEndpoint";

    /// <summary>The port the instances serve TLS on behind the load balancer.</summary>
    public const int AppPort = 8443;

    public CloudProvider Cloud => CloudProvider.Gcp;

    public void BuildGlobal(GlobalStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        GcpProviders.Declare(context, context.Topology.Primary.CloudRegion);
        var zone = new CloudDnsZone(context.Stack, "dns", new CloudDnsZoneArgs(context.Global.Domain)
        {
            Labels = GcpProviders.Labels(context.DefaultTags),
        });
        context.Stack.Export(GlobalOutputs.ZoneId, zone.ZoneName);
        context.Stack.Export(GlobalOutputs.NameServers, zone.NameServers);
        context.Stack.Export(GlobalOutputs.Domain, context.Global.Domain);
    }

    public void BuildRegion(RegionalStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var region = context.Region;
        var prefix = $"{context.Global.ServiceName}-{region.Id}";
        var labels = GcpProviders.Labels(context.DefaultTags);
        var kmsKey = context.Settings.Get("multiregion:kmsKeyName");
        GcpProviders.Declare(context, region.CloudRegion);

        var network = new GcpNetwork(context.Stack, "network", new GcpNetworkArgs(prefix, region.CloudRegion, region.Cidr)
        {
            EnableNat = region.Network.NatStrategy != NatStrategy.None,
        });
        var tag = GcpNames.Of(prefix, "app");
        _ = new GcpFirewall(context.Stack, "firewall", network.Network.Output("id"), new GcpFirewallArgs(prefix, tag) { AppPort = AppPort });

        var health = context.Global.HealthCheck;
        var fleet = new GcpInstanceGroup(context.Stack, "fleet", new GcpInstanceGroupArgs(prefix, region.CloudRegion, network.Subnetwork.Output("id"), tag)
        {
            MachineType = MachineType(region.Capacity.InstanceType),
            MinSize = region.Capacity.MinSize,
            MaxSize = region.Capacity.MaxSize,
            AppPort = AppPort,
            HealthPath = health.Path,
            Labels = labels,
        });

        var loadBalancer = new GcpLoadBalancer(context.Stack, "loadBalancer", new GcpLoadBalancerArgs(prefix, fleet.Group.Output("instanceGroup"), [context.Global.ServiceFqdn])
        {
            AppPort = AppPort,
            HealthPath = health.Path,
            CheckIntervalSeconds = health.IntervalSeconds,
            UnhealthyThreshold = health.FailureThreshold,
        });

        var anchor = CloudAnchor.For(context.Topology, CloudProvider.Gcp);
        var database = new CloudSqlInstance(context.Stack, "database", new CloudSqlInstanceArgs(
            GcpNames.Of(prefix, "db", maxLength: 80), region.CloudRegion, context.Settings.Get(GcpProviders.ProjectSetting) ?? string.Empty)
        {
            Tier = DatabaseTier(region.Capacity.DatabaseInstanceClass),
            KmsKeyName = kmsKey,
            Labels = labels,
            MasterInstanceName = anchor is null || anchor.Id == region.Id
                ? null
                : context.Stack.Reference(anchor.Id).Output(DatabaseInstanceOutput),
        });

        var databaseEndpoint = new CloudSqlEndpoint(context.Stack, "databaseEndpoint", new CloudSqlEndpointArgs(
            prefix, region.CloudRegion, network.Network.Output("id"), network.Subnetwork.Output("id"), database.ServiceAttachment)
        {
            InstanceDnsName = database.DnsName,
        });

        var bucket = new GcpBucket(context.Stack, "storage", new GcpBucketArgs(
            GcpNames.Of($"{context.Settings.Get(GcpProviders.ProjectSetting)}-{prefix}", "data"), region.CloudRegion)
        {
            KmsKeyName = kmsKey,
            Labels = labels,
        });

        var stack = context.Stack;
        stack.Export(RegionalOutputs.Region, region.Id);
        stack.Export(RegionalOutputs.Endpoint, loadBalancer.IpAddress);
        stack.Export(RegionalOutputs.HealthUrl, InterpolatedValue.Of("https://", loadBalancer.IpAddress, health.Path));
        stack.Export(RegionalOutputs.NetworkId, network.Network.Output("id"));
        stack.Export(RegionalOutputs.Cidr, region.Cidr);
        stack.Export(DatabaseInstanceOutput, database.InstanceName);
        stack.Export(DatabaseAddressOutput, databaseEndpoint.IpAddress);
        stack.Export(DatabaseDnsNameOutput, database.DnsName);
        stack.Export(BucketOutput, bucket.BucketName);
        if (!region.IsPrimary)
        {
            stack.Export(PrimaryEndpointOutput, stack.Reference(context.Topology.Primary.Id).Output(RegionalOutputs.Endpoint));
        }
    }

    public void BuildCrossRegion(CrossRegionStackContext context, IReadOnlyList<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(regions);
        context.Stack.Export("gcpNetworks", Value.Map(regions
            .Select(r => (r.Id, (Value?)context.RegionOutput(r, RegionalOutputs.NetworkId)))
            .ToArray()));
        if (regions.Count < 2)
        {
            return;
        }

        // Peer every pair of GCP regional networks (both directions: a peering is only active when both sides exist).
        GcpProviders.Declare(context, CloudAnchor.For(context.Topology, CloudProvider.Gcp)!.CloudRegion);
        var ordered = regions.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            for (var j = 0; j < ordered.Length; j++)
            {
                if (i == j)
                {
                    continue;
                }

                context.Stack.AddResource(LogicalName.Of("gcpPeering", ordered[i].Id, "to", ordered[j].Id), GcpTypes.NetworkPeering, Value.Map(
                    ("name", GcpNames.Of($"{ordered[i].Id}-to", ordered[j].Id)),
                    ("network", context.RegionOutput(ordered[i], RegionalOutputs.NetworkId)),
                    ("peerNetwork", context.RegionOutput(ordered[j], RegionalOutputs.NetworkId)),
                    ("exportCustomRoutes", false),
                    ("importCustomRoutes", false)));
            }
        }
    }

    public void BuildDnsRecords(CrossRegionStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        GcpProviders.Declare(context, context.Topology.Primary.CloudRegion);
        var targets = context.Topology.Regions
            .Where(r => r.Enabled && r.Cloud == CloudProvider.Gcp)
            .Select(r => new DnsTarget(r.Id, r.CloudRegion, r.Priority, r.Weight, context.RegionOutput(r, RegionalOutputs.Endpoint)))
            .ToArray();
        var health = context.Global.HealthCheck;
        var records = new CloudDnsRecords(context.Stack, "dns", new CloudDnsRecordsArgs(
            context.Global.ServiceName, context.GlobalOutput(GlobalOutputs.ZoneId), context.Global.ServiceFqdn, context.Global.RoutingPolicy, targets)
        {
            HealthPath = health.Path,
            Ttl = health.Ttl,
            CheckIntervalSeconds = health.IntervalSeconds,
            FailureThreshold = health.FailureThreshold,
        });
        context.Stack.Export("serviceFqdn", context.Global.ServiceFqdn);
        context.Stack.Export("dnsRecord", records.Record.Output("name"));
    }

    /// <summary>The topology's instance type if it is a GCP machine type (<c>e2-standard-2</c>), else the default.</summary>
    internal static string MachineType(string instanceType) =>
        instanceType.Contains('-', StringComparison.Ordinal) && !instanceType.Contains('.', StringComparison.Ordinal) ? instanceType : "e2-standard-2";

    /// <summary>The topology's database class if it is a Cloud SQL tier (<c>db-custom-2-7680</c>), else the default.</summary>
    internal static string DatabaseTier(string databaseClass) =>
        databaseClass.StartsWith("db-", StringComparison.Ordinal) ? databaseClass : "db-custom-2-7680";
}
