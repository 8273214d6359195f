using MultiRegion.Components.Aws.Compute;
using MultiRegion.Components.Aws.Data;
using MultiRegion.Components.Aws.Dns;
using MultiRegion.Components.Aws.Events;
using MultiRegion.Components.Aws.Identity;
using MultiRegion.Components.Aws.Keys;
using MultiRegion.Components.Aws.LoadBalancing;
using MultiRegion.Components.Aws.Monitoring;
using MultiRegion.Components.Aws.Network;
using MultiRegion.Components.Aws.Security;
using MultiRegion.Components.Aws.Storage;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Aws;

/// <summary>The AWS implementation of the deployment's stacks.</summary>
public sealed class AwsPlatform : ICloudPlatform
{
    /// <summary>Global services (Route 53, the CloudFront certificate) live in us-east-1.</summary>
    public const string GlobalRegion = "us-east-1";

    public CloudProvider Cloud => CloudProvider.Aws;

    public void BuildGlobal(GlobalStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stack = context.Stack;
        var global = context.Global;
        AwsProviders.Declare(stack, GlobalRegion, context.DefaultTags, isDefault: true);
        var zone = new HostedZone(stack, "dns", new HostedZoneArgs(global.Domain)
        {
            ExistingZoneId = context.Settings.Get("multiregion:hostedZoneId"),
        });

        // CloudFront only accepts certificates from us-east-1: the global stack's default provider. The apex and
        // its wildcard share one validation record.
        var cdnCertificate = new DnsValidatedCertificate(stack, "cdnTls", new DnsValidatedCertificateArgs(global.Domain, zone.ZoneId)
        {
            SubjectAlternativeNames = [$"*.{global.Domain}"],
        });
        var identities = new GlobalIdentities(stack, "identities", new GlobalIdentitiesArgs(
            InterpolatedValue.Of("arn:aws:route53:::hostedzone/", zone.ZoneId)));
        var dashboard = new GlobalDashboard(stack, "monitoring", new GlobalDashboardArgs(
            AwsNaming.Physical(255, context.Project.ProjectName, global.Environment),
            [.. context.Topology.Regions.Where(r => r.Cloud == CloudProvider.Aws).OrderByDescending(r => r.Priority).Select(r => r.CloudRegion)]));

        stack.Export(GlobalOutputs.ZoneId, zone.ZoneId);
        stack.Export(GlobalOutputs.NameServers, zone.NameServers);
        stack.Export(GlobalOutputs.Domain, global.Domain);
        stack.Export(AwsOutputs.CdnCertificateArn, cdnCertificate.ValidatedArn);
        stack.Export(AwsOutputs.ReplicationRoleArn, identities.Replication.Arn);
        stack.Export(AwsOutputs.ReplicationRoleName, identities.Replication.RoleName);
        stack.Export(AwsOutputs.EventForwardingRoleArn, identities.EventForwarding.Arn);
        stack.Export(AwsOutputs.EventForwardingRoleName, identities.EventForwarding.RoleName);
        stack.Export(AwsOutputs.HealthCheckerPolicyArn, identities.HealthCheckerPolicy.Output("arn"));
        stack.Export(AwsOutputs.DashboardName, dashboard.Dashboard.Output("dashboardName"));
    }

    public void BuildRegion(RegionalStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stack = context.Stack;
        var region = context.Region;
        var global = context.Global;
        var project = context.Project.ProjectName;
        AwsProviders.Declare(stack, region.CloudRegion, context.DefaultTags, isDefault: true);
        var zoneId = stack.Reference(StackNames.Global).Output(GlobalOutputs.ZoneId);

        var network = new AwsNetwork(stack, "network", new AwsNetworkArgs(region.Cidr)
        {
            AvailabilityZones = region.Network.AvailabilityZoneCount,
            NatStrategy = region.Network.NatStrategy,
        });
        var vpcId = network.Vpc.Output("id");
        var key = new RegionalKey(stack, "keys", new RegionalKeyArgs(AwsNaming.Physical(200, project, global.Environment, region.Id)));
        var groups = new ApplicationSecurityGroups(stack, "security", new ApplicationSecurityGroupsArgs(vpcId));

        // The load balancer answers for its regional name (health checks, CloudFront origins) and for the service
        // name (whichever region the health checker currently points it at).
        var regionalHost = RegionalHostName(region, global);
        var certificate = new DnsValidatedCertificate(stack, "tls", new DnsValidatedCertificateArgs(regionalHost, zoneId)
        {
            SubjectAlternativeNames = [global.ServiceFqdn],
        });
        var web = new ApplicationLoadBalancer(stack, "web", new ApplicationLoadBalancerArgs(
            $"{global.ServiceName}-{region.Id}",
            vpcId,
            [.. network.PublicSubnets.Select(s => s.Output("id"))],
            groups.LoadBalancer.Output("id"),
            certificate.ValidatedArn,
            global.HealthCheck.Path)
        {
            HealthCheckIntervalSeconds = global.HealthCheck.IntervalSeconds,
            UnhealthyThreshold = global.HealthCheck.FailureThreshold,
        });
        _ = new AliasRecord(stack, "regionalName", new AliasRecordArgs(zoneId, regionalHost, web.DnsName, web.ZoneId));

        var keyArn = key.Arn;
        _ = new ApplicationFleet(stack, "app", new ApplicationFleetArgs(
            region.Capacity.InstanceType,
            region.Capacity.MinSize,
            region.Capacity.MaxSize,
            region.Capacity.DesiredSize,
            [.. network.PrivateSubnets.Select(s => s.Output("id"))],
            groups.Application.Output("id"),
            web.TargetGroup.Output("arn"),
            keyArn));

        var primary = context.Topology.Primary;
        var database = new AuroraGlobalDatabase(stack, "database", new AuroraGlobalDatabaseArgs(
            $"{project}-{global.Environment}",
            $"{project}-{region.Id}",
            region.Capacity.DatabaseInstanceClass,
            [.. network.DatabaseSubnets.Select(s => s.Output("id"))],
            groups.Database.Output("id"),
            keyArn)
        {
            JoinGlobalClusterId = region.IsPrimary ? null : stack.Reference(primary.Id).Output(AwsOutputs.GlobalClusterId),
        });
        var cache = new CacheCluster(stack, "cache", new CacheClusterArgs(
            $"{global.ServiceName}-{region.Id}",
            region.Capacity.CacheNodeType,
            [.. network.DatabaseSubnets.Select(s => s.Output("id"))],
            groups.Cache.Output("id"),
            keyArn));
        var bucket = new SecureBucket(stack, "data", new SecureBucketArgs(keyArn)
        {
            BucketPrefix = AwsNaming.Physical(36, project, region.Id) + "-",
        });
        var bus = new RegionalEventBus(stack, "events", new RegionalEventBusArgs(AwsNaming.Physical(256, project, region.Id)));
        var alarms = new RegionalAlarms(stack, "alarms", new RegionalAlarmsArgs(
            web.LoadBalancer.Output("arnSuffix"),
            web.TargetGroup.Output("arnSuffix"),
            keyArn)
        {
            ReplicaClusterIdentifier = region.IsPrimary ? null : database.Cluster.Output("clusterIdentifier"),
        });

        stack.Export(RegionalOutputs.Region, region.Id);
        stack.Export(RegionalOutputs.Endpoint, web.DnsName);
        stack.Export(RegionalOutputs.HealthUrl, HealthUrl(region, global));
        stack.Export(RegionalOutputs.NetworkId, vpcId);
        stack.Export(RegionalOutputs.Cidr, region.Cidr);
        stack.Export(AwsOutputs.RegionalHostName, regionalHost);
        stack.Export(AwsOutputs.LoadBalancerZoneId, web.ZoneId);
        stack.Export(AwsOutputs.VpcId, vpcId);
        stack.Export(AwsOutputs.BucketName, bucket.BucketName);
        stack.Export(AwsOutputs.BucketArn, bucket.Arn);
        stack.Export(AwsOutputs.KeyArn, keyArn);
        stack.Export(AwsOutputs.GlobalClusterId, database.GlobalClusterId);
        stack.Export(AwsOutputs.ClusterId, database.Cluster.Output("clusterIdentifier"));
        stack.Export(AwsOutputs.ClusterArn, database.Cluster.Output("arn"));
        stack.Export(AwsOutputs.CacheEndpoint, cache.PrimaryEndpoint);
        stack.Export(AwsOutputs.EventBusArn, bus.Arn);
        stack.Export(AwsOutputs.EventBusName, bus.Bus.Output("name"));
        stack.Export(AwsOutputs.AlarmTopicArn, alarms.Topic.Output("arn"));
        stack.Export(AwsOutputs.DatabaseRouteTableId, network.DatabaseRouteTable.Output("id"));
        for (var i = 0; i < network.PrivateRouteTables.Count; i++)
        {
            stack.Export(AwsOutputs.PrivateRouteTableId(i), network.PrivateRouteTables[i].Output("id"));
        }
    }

    /// <summary>The name Pulumi owns for a region: <c>{region}.{domain}</c>, an alias of its load balancer.</summary>
    public static string RegionalHostName(Region region, GlobalSettings global)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(global);
        return $"{region.Id}.{global.Domain}";
    }

    /// <summary>
    /// What the health checker probes: <c>https://{region}.{domain}{path}</c>. The regional name, not the load
    /// balancer's own DNS name, because the certificate is issued for the regional name (a probe of the ALB name would
    /// fail TLS verification), and the probe then follows the same DNS + TLS path a client's request does.
    /// </summary>
    public static string HealthUrl(Region region, GlobalSettings global)
    {
        ArgumentNullException.ThrowIfNull(global);
        return $"https://{RegionalHostName(region, global)}{global.HealthCheck.Path}";
    }

    public void BuildCrossRegion(CrossRegionStackContext context, IReadOnlyList<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(regions);
        AwsProviders.Declare(context.Stack, GlobalRegion, context.DefaultTags, isDefault: true);
        context.Stack.Export("regionNetworks", Value.Map(regions
            .Select(r => (r.Id, (Value?)context.RegionOutput(r, RegionalOutputs.NetworkId)))
            .ToArray()));
    }

    public void BuildDnsRecords(CrossRegionStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Stack.Export("zoneId", context.GlobalOutput(GlobalOutputs.ZoneId));
    }
}
