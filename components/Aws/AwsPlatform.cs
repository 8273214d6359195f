using MultiRegion.Components.Aws.Cdn;
using MultiRegion.Components.Aws.Compute;
using MultiRegion.Components.Aws.Data;
using MultiRegion.Components.Aws.Dns;
using MultiRegion.Components.Aws.Events;
using MultiRegion.Components.Aws.Identity;
using MultiRegion.Components.Aws.Keys;
using MultiRegion.Components.Aws.LoadBalancing;
using MultiRegion.Components.Aws.Monitoring;
using MultiRegion.Components.Aws.Network;
using MultiRegion.Components.Aws.Replication;
using MultiRegion.Components.Aws.Security;
using MultiRegion.Components.Aws.Storage;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Aws;

/// <summary>
/// The AWS implementation of the deployment's stacks, composed from the components in this namespace:
/// <list type="bullet">
/// <item><c>global</c>: hosted zone, the us-east-1 CloudFront certificate, the replication and forwarding roles, the
/// health checker's policy, the dashboard;</item>
/// <item>each region: network, KMS key, security groups, load balancer with its regional certificate and name, fleet,
/// Aurora (global cluster in the data primary, joining clusters elsewhere — the reference that orders secondaries
/// after the primary), cache, bucket, event bus, alarms; exports the <see cref="RegionalOutputs"/> contract and
/// <see cref="AwsOutputs"/>;</item>
/// <item><c>cross-region</c>: global table, bucket replication, peering, event forwarding, CDN, Route 53 health checks
/// and routing-policy records — never the service name, which the health checker owns.</item>
/// </list>
/// Data flows follow <see cref="ResidencyRules"/>. See docs/aws-components.md.
/// </summary>
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

        var primary = DataPrimary(context.Topology);
        var isDataPrimary = primary.Id == region.Id;
        var database = new AuroraGlobalDatabase(stack, "database", new AuroraGlobalDatabaseArgs(
            $"{project}-{global.Environment}",
            $"{project}-{region.Id}",
            region.Capacity.DatabaseInstanceClass,
            [.. network.DatabaseSubnets.Select(s => s.Output("id"))],
            groups.Database.Output("id"),
            keyArn)
        {
            JoinGlobalClusterId = isDataPrimary ? null : stack.Reference(primary.Id).Output(AwsOutputs.GlobalClusterId),
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
            ReplicaClusterIdentifier = isDataPrimary ? null : database.Cluster.Output("clusterIdentifier"),
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
        var stack = context.Stack;
        var topology = context.Topology;
        var global = context.Global;
        var project = context.Project.ProjectName;
        AwsProviders.Declare(stack, GlobalRegion, context.DefaultTags, isDefault: true);
        var enabled = regions.Where(r => r.Enabled).OrderByDescending(r => r.Priority).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
        var providers = enabled.ToDictionary(r => r.Id, r => AwsProviders.Declare(stack, r.CloudRegion, context.DefaultTags, isDefault: false), StringComparer.Ordinal);
        Value Output(Region region, string name) => context.RegionOutput(region, name);

        // Data: the primary's bucket replicates to every secondary the residency rule allows; the global table has
        // the members between which data may flow both ways.
        var primary = DataPrimary(topology);
        if (providers.TryGetValue(primary.Id, out var primaryProvider))
        {
            var destinations = enabled
                .Where(r => r.Id != primary.Id && ResidencyRules.MayReplicate(topology, primary, r))
                .Select(r => new ReplicationDestination(r.Id, Output(r, AwsOutputs.BucketArn), Output(r, AwsOutputs.KeyArn)))
                .ToArray();
            if (destinations.Length > 0)
            {
                _ = new BucketReplication(stack, "bucketReplication", new BucketReplicationArgs(
                    Output(primary, AwsOutputs.BucketName),
                    Output(primary, AwsOutputs.BucketArn),
                    Output(primary, AwsOutputs.KeyArn),
                    context.GlobalOutput(AwsOutputs.ReplicationRoleArn),
                    context.GlobalOutput(AwsOutputs.ReplicationRoleName),
                    destinations)
                {
                    Provider = primaryProvider,
                });
            }

            var members = ResidencyRules.MultiWriterMembers(topology, primary, enabled);
            var table = new GlobalTable(stack, "sessions", new GlobalTableArgs(
                AwsNaming.Physical(255, project, global.Environment, "sessions"),
                Output(primary, AwsOutputs.KeyArn),
                [.. members.Skip(1).Select(r => new GlobalTableReplica(r.CloudRegion, Output(r, AwsOutputs.KeyArn)))])
            {
                Provider = primaryProvider,
            });
            stack.Export("globalTableName", table.Table.Output("name"));
            stack.Export("globalTableArn", table.Table.Output("arn"));
            stack.Export("globalTableRegions", Value.List(members.Select(r => r.Id)));
            stack.Export("replicationDestinations", Value.List(destinations.Select(d => d.RegionId)));
        }

        // Network: a full mesh of peering connections, the higher-priority region requesting.
        for (var i = 0; i < enabled.Length; i++)
        {
            for (var j = i + 1; j < enabled.Length; j++)
            {
                _ = new VpcPeering(stack, $"peering-{enabled[i].Id}-{enabled[j].Id}", new VpcPeeringArgs(
                    PeeringSide(enabled[i], providers[enabled[i].Id], Output),
                    PeeringSide(enabled[j], providers[enabled[j].Id], Output)));
            }
        }

        // Events: every allowed ordered pair.
        var routes = enabled.SelectMany(from => enabled
                .Where(to => to.Id != from.Id && ResidencyRules.MayReplicate(topology, from, to))
                .Select(to => (from.Id, to.Id)))
            .ToArray();
        _ = new EventForwarding(stack, "eventForwarding", new EventForwardingArgs(
            [.. enabled.Select(r => new ForwardingBus(r.Id, r.CloudRegion, Output(r, AwsOutputs.EventBusName), Output(r, AwsOutputs.EventBusArn), providers[r.Id]))],
            routes,
            context.GlobalOutput(AwsOutputs.EventForwardingRoleArn),
            context.GlobalOutput(AwsOutputs.EventForwardingRoleName)));

        // Edge: CloudFront over the two best regions, at cdn.{domain}.
        if (enabled.Length >= 2)
        {
            var cdnHost = $"{CdnLabel}.{global.Domain}";
            var cdn = new OriginFailoverDistribution(stack, "cdn", new OriginFailoverDistributionArgs(
                [cdnHost],
                context.GlobalOutput(AwsOutputs.CdnCertificateArn),
                RegionalHostName(enabled[0], global),
                RegionalHostName(enabled[1], global)));
            _ = new AliasRecord(stack, "cdnName", new AliasRecordArgs(
                context.GlobalOutput(GlobalOutputs.ZoneId), cdnHost, cdn.Distribution.Output("domainName"), cdn.Distribution.Output("hostedZoneId"))
            {
                EvaluateTargetHealth = false,
                Ipv6 = true,
            });
            stack.Export("cdnHostName", cdnHost);
            stack.Export("cdnDomainName", cdn.Distribution.Output("domainName"));
            stack.Export("distributionId", cdn.Distribution.Output("id"));
        }
    }

    /// <summary>
    /// Route 53 health checks for every enabled region and the routing-policy records at <see cref="RoutingName"/>.
    /// The service name itself is not declared: the post-deploy health checker owns it (docs/aws-components.md).
    /// </summary>
    public void BuildDnsRecords(CrossRegionStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stack = context.Stack;
        var global = context.Global;
        var zoneId = context.GlobalOutput(GlobalOutputs.ZoneId);
        var regions = context.Topology.Regions.Where(r => r.Enabled && r.Cloud == CloudProvider.Aws).ToArray();
        var targets = new List<RoutingTarget>();
        var checkIds = new List<(string, Value?)>();
        foreach (var region in regions)
        {
            var check = new EndpointHealthCheck(stack, $"health-{region.Id}", new EndpointHealthCheckArgs(
                RegionalHostName(region, global), global.HealthCheck.Path, global.HealthCheck.IntervalSeconds, global.HealthCheck.FailureThreshold));
            checkIds.Add((region.Id, check.Id));
            targets.Add(new RoutingTarget(region.Id, region.CloudRegion, region.Priority, region.Weight,
                context.RegionOutput(region, RegionalOutputs.Endpoint), context.RegionOutput(region, AwsOutputs.LoadBalancerZoneId), check.Id));
        }

        // Route 53's own routing records point at AWS load balancers (alias records). Regions on other clouds are failed
        // over by the post-deploy health checker, which writes the service name for any target.
        if (targets.Count == 0)
        {
            return;
        }

        var routingName = RoutingName(global);
        _ = new RoutingRecords(stack, "routing", new RoutingRecordsArgs(zoneId, routingName, global.Domain, global.RoutingPolicy, targets));
        stack.Export("healthCheckIds", Value.Map([.. checkIds]));
        stack.Export("routingName", routingName);
        stack.Export("serviceName", global.ServiceFqdn);
    }

    /// <summary>
    /// The AWS region that holds the writable copy of the AWS data stores (the Aurora global cluster, the source bucket,
    /// the global table's home): the deployment's primary when it is an AWS region, otherwise the highest-priority AWS
    /// region (a multi-cloud deployment whose primary runs elsewhere).
    /// </summary>
    public static Region DataPrimary(DeploymentTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return topology.Primary.Cloud == CloudProvider.Aws
            ? topology.Primary
            : topology.Regions.Where(r => r.Cloud == CloudProvider.Aws).OrderByDescending(r => r.Priority).ThenBy(r => r.Id, StringComparer.Ordinal).First();
    }

    /// <summary>The label of the CloudFront name, <c>cdn.{domain}</c>.</summary>
    public const string CdnLabel = "cdn";

    /// <summary>
    /// The name Pulumi publishes Route 53 routing-policy records at: <c>{serviceName}-r53.{domain}</c> — next to, never
    /// at, the service name the health checker owns.
    /// </summary>
    public static string RoutingName(GlobalSettings global)
    {
        ArgumentNullException.ThrowIfNull(global);
        return $"{global.ServiceName}-r53.{global.Domain}";
    }

    private static PeeringSide PeeringSide(Region region, Resource provider, Func<Region, string, Value> output) => new(
        region.Id,
        region.CloudRegion,
        output(region, RegionalOutputs.NetworkId),
        region.Cidr,
        [.. Enumerable.Range(0, region.Network.AvailabilityZoneCount).Select(i => output(region, AwsOutputs.PrivateRouteTableId(i))).Append(output(region, AwsOutputs.DatabaseRouteTableId))],
        provider);
}
