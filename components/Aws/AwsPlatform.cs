using MultiRegion.Components.Aws.Dns;
using MultiRegion.Components.Aws.Network;
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
        AwsProviders.Declare(context.Stack, GlobalRegion, context.DefaultTags, isDefault: true);
        var zone = new HostedZone(context.Stack, "dns", new HostedZoneArgs(context.Global.Domain)
        {
            ExistingZoneId = context.Settings.Get("multiregion:hostedZoneId"),
        });

        context.Stack.Export(GlobalOutputs.ZoneId, zone.ZoneId);
        context.Stack.Export(GlobalOutputs.NameServers, zone.NameServers);
        context.Stack.Export(GlobalOutputs.Domain, context.Global.Domain);
    }

    public void BuildRegion(RegionalStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var region = context.Region;
        AwsProviders.Declare(context.Stack, region.CloudRegion, context.DefaultTags, isDefault: true);
        var network = new AwsNetwork(context.Stack, "network", new AwsNetworkArgs(region.Cidr)
        {
            AvailabilityZones = region.Network.AvailabilityZoneCount,
            NatStrategy = region.Network.NatStrategy,
        });

        context.Stack.Export(RegionalOutputs.Region, region.Id);
        context.Stack.Export(RegionalOutputs.NetworkId, network.Vpc.Output("id"));
        context.Stack.Export(RegionalOutputs.Cidr, region.Cidr);
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
