using MultiRegion.Components.Aws;
using MultiRegion.Components.Aws.Compute;
using MultiRegion.Components.Aws.Keys;
using MultiRegion.Components.Aws.LoadBalancing;
using MultiRegion.Components.Aws.Network;
using MultiRegion.Components.Aws.Security;
using MultiRegion.Components.Aws.Storage;
using MultiRegion.Components.Emit;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Policy;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Tests.Aws;

/// <summary>The composition example of docs/aws-components.md, kept compiling and policy-clean.</summary>
public sealed class CompositionExampleTests
{
    [Fact]
    public void Documented_composition_builds_emits_and_passes_the_gate()
    {
        var stack = new StackDefinition("reports-eu-west-1", "reports service");
        AwsProviders.Declare(stack, "eu-west-1", new Dictionary<string, string> { ["team"] = "reports" }, isDefault: true);

        var network = new AwsNetwork(stack, "network", new AwsNetworkArgs("10.20.0.0/16") { NatStrategy = NatStrategy.Single });
        var vpcId = network.Vpc.Output("id");
        var key = new RegionalKey(stack, "keys", new RegionalKeyArgs("reports-eu-west-1"));
        var groups = new ApplicationSecurityGroups(stack, "security", new ApplicationSecurityGroupsArgs(vpcId) { ApplicationPort = 9000 });

        var web = new ApplicationLoadBalancer(stack, "web", new ApplicationLoadBalancerArgs(
            "reports-eu-west-1", vpcId, [.. network.PublicSubnets.Select(s => s.Output("id"))],
            groups.LoadBalancer.Output("id"), CertificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/example", "/healthz")
        {
            TargetPort = 9000,
        });
        _ = new ApplicationFleet(stack, "app", new ApplicationFleetArgs(
            "t3.large", 2, 4, 2, [.. network.PrivateSubnets.Select(s => s.Output("id"))],
            groups.Application.Output("id"), web.TargetGroup.Output("arn"), key.Arn));
        var bucket = new SecureBucket(stack, "exports", new SecureBucketArgs(key.Arn) { BucketPrefix = "reports-exports-" });

        stack.Export("endpoint", web.DnsName);
        stack.Export("bucket", bucket.BucketName);

        var report = PolicyGate.Evaluate(AwsTestProject.InMemory(), [stack]);
        Assert.Empty(report.Findings);
        var yaml = PulumiYamlEmitter.Emit(stack);
        Assert.Contains("type: aws:ec2/launchTemplate:LaunchTemplate", yaml, StringComparison.Ordinal);
        Assert.Contains("httpTokens: required", yaml, StringComparison.Ordinal);
    }
}
