using MultiRegion.Components.Aws;
using MultiRegion.Components.Aws.Keys;
using MultiRegion.Components.Aws.Network;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Tests.Aws;

public sealed class NetworkAndKeyTests
{
    private static StackDefinition NewStack()
    {
        var stack = new StackDefinition("test", "test");
        AwsProviders.Declare(stack, "eu-west-1", new Dictionary<string, string>(), isDefault: true);
        return stack;
    }

    [Theory]
    [InlineData(NatStrategy.OnePerAz, 3)]
    [InlineData(NatStrategy.Single, 1)]
    [InlineData(NatStrategy.None, 0)]
    public void Network_has_three_tiers_per_zone_and_nat_per_strategy(NatStrategy strategy, int natGateways)
    {
        var stack = NewStack();
        var network = new AwsNetwork(stack, "network", new AwsNetworkArgs("10.5.0.0/16") { NatStrategy = strategy });
        Assert.Equal(9, stack.OfType(AwsTypes.Subnet).Count);
        Assert.All(stack.OfType(AwsTypes.Subnet), s => Assert.False((bool)s.Literal("mapPublicIpOnLaunch")!));
        Assert.Equal(natGateways, stack.OfType(AwsTypes.NatGateway).Count);
        Assert.Equal(3, network.PrivateRouteTables.Count);

        // Database subnets have no route out of the VPC; the default security group is emptied.
        Assert.DoesNotContain(stack.OfType(AwsTypes.Route), r => r.At("routeTableId").Reads(network.DatabaseRouteTable));
        var defaultGroup = stack.Single(AwsTypes.DefaultSecurityGroup);
        Assert.Empty(defaultGroup.Items("ingress"));
        Assert.Empty(defaultGroup.Items("egress"));
    }

    [Fact]
    public void Region_key_policy_admits_the_account_autoscaling_and_cloudwatch_only()
    {
        var stack = NewStack();
        var key = new RegionalKey(stack, "keys", new RegionalKeyArgs("svc-eu-west-1"));
        var resource = key.Key;
        Assert.True(resource.IsTrue("enableKeyRotation"));
        Assert.Equal(30, resource.Literal("deletionWindowInDays"));
        var texts = resource.Texts("policy");
        Assert.Contains(":root", texts);
        Assert.Contains(":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling", texts);
        Assert.Contains("cloudwatch.amazonaws.com", texts);
        Assert.Contains("kms:GrantIsForAWSResource", Keys(resource.At("policy")));
        Assert.Equal("alias/svc-eu-west-1", stack.Single(AwsTypes.KmsAlias).Text("name"));
        Assert.Contains(stack.Variables, v => v.Value is InvokeValue { Function: AwsTypes.GetCallerIdentity });

        var minimal = NewStack();
        _ = new RegionalKey(minimal, "keys", new RegionalKeyArgs("k") { AllowAutoScaling = false, AllowCloudWatchAlarms = false });
        Assert.DoesNotContain("cloudwatch.amazonaws.com", minimal.Single(AwsTypes.KmsKey).Texts("policy"));
    }

    private static IEnumerable<string> Keys(Value? value) => Components.Policy.ValueQuery.Unwrap(value) switch
    {
        MapValue m => m.Entries.SelectMany(e => Keys(e.Value).Prepend(e.Key)),
        ListValue l => l.Items.SelectMany(Keys),
        _ => [],
    };
}
