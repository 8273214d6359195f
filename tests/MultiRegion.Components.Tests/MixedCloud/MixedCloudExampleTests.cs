using MultiRegion.Components.Configuration;
using MultiRegion.Components.Emit;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Planning;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Tests.Support;
using MultiRegion.Components.Topology;
using YamlDotNet.RepresentationModel;

namespace MultiRegion.Components.Tests.MixedCloud;

/// <summary>examples/mixed-cloud: an AWS primary with a GCP and an Azure secondary.</summary>
public sealed class MixedCloudExampleTests
{
    private static readonly string ExampleDirectory = Path.Combine(TestProject.RepositoryRoot(), "examples", "mixed-cloud");

    private static ProjectModel Load() => ProjectLoader.LoadDirectory(ExampleDirectory);

    /// <summary>Resource types that publish the service name in DNS (records, routed endpoints).</summary>
    private static readonly string[] DnsRecordTypes =
    [
        "aws:route53/record:Record", "aws:route53/healthCheck:HealthCheck",
        Components.Gcp.GcpTypes.RecordSet,
        Components.Azure.AzureTypes.DnsRecordSet, Components.Azure.AzureTypes.TrafficManagerEndpoint,
    ];

    /// <summary>Public DNS: not the private Cloud DNS zones that resolve Cloud SQL's PSC names inside a VPC.</summary>
    private static bool IsPublicDns(Resource r) => r.Type switch
    {
        Components.Gcp.GcpTypes.ManagedZone => r.Literal("visibility") as string != "private",
        Components.Gcp.GcpTypes.RecordSet => r.At("managedZone") is not OutputValue { Resource: var zone } || IsPublicDns(zone),
        _ => true,
    };

    [Fact]
    public void Example_loads_and_validates_with_one_region_per_cloud()
    {
        var model = Load();
        Assert.Equal([CloudProvider.Aws, CloudProvider.Gcp, CloudProvider.Azure], model.Topology.Clouds.ToArray());
        Assert.Equal("us-east-1", model.Topology.Primary.Id);
        Assert.Equal(CloudProvider.Aws, model.Topology.Primary.Cloud);
    }

    [Fact]
    public void Every_stack_synthesizes_to_a_yaml_program_on_its_regions_cloud()
    {
        var synth = TestProject.Synthesizer(Load());
        var expected = new Dictionary<string, string>
        {
            ["us-east-1"] = "aws",
            ["europe-west1"] = "gcp",
            ["westeurope"] = "azure-native",
        };
        foreach (var name in synth.StackNames)
        {
            var stack = synth.Build(name);
            var yaml = PulumiYamlEmitter.Emit(stack);
            var document = new YamlStream();
            document.Load(new StringReader(yaml));
            var root = Assert.IsType<YamlMappingNode>(document.Documents[0].RootNode);
            Assert.True(root.Children.ContainsKey(new YamlScalarNode("resources")), name);
            if (expected.TryGetValue(name, out var package))
            {
                var clouds = stack.Resources.Select(r => r.Package).Where(p => p is "aws" or "gcp" or "azure-native").Distinct().ToArray();
                Assert.Equal([package], clouds);
                foreach (var output in new[] { RegionalOutputs.Region, RegionalOutputs.Endpoint, RegionalOutputs.HealthUrl, RegionalOutputs.NetworkId, RegionalOutputs.Cidr }
                    .Where(o => package != "aws" || o is RegionalOutputs.Region or RegionalOutputs.NetworkId or RegionalOutputs.Cidr))
                {
                    Assert.True(stack.Outputs.ContainsKey(output), $"{name} exports {output}");
                }
            }
        }
    }

    [Fact]
    public void Plan_orders_global_and_primary_before_the_secondaries_and_cross_region_last()
    {
        var plan = TestProject.Synthesizer(Load()).Plan();
        int Wave(string stack) => plan.Waves.Select((w, i) => (w, i)).Single(x => x.w.Contains(stack)).i;
        Assert.True(Wave("global") <= Wave("us-east-1"));
        foreach (var secondary in new[] { "europe-west1", "westeurope" })
        {
            Assert.True(Wave("us-east-1") < Wave(secondary), $"primary before {secondary}");
            Assert.True(Wave("global") < Wave(secondary), $"global before {secondary}");
            Assert.True(Wave(secondary) < Wave("cross-region"), $"{secondary} before cross-region");
            Assert.Contains("us-east-1", plan[secondary].DependsOn);
        }

        Assert.Equal(plan.Waves.Count - 1, Wave("cross-region"));
        Assert.Equal(["cross-region"], plan.Waves[^1]);
        Assert.Equal(plan.Waves.Reverse().Select(w => w.ToArray()), plan.DestroyWaves.Select(w => w.ToArray()));
    }

    [Fact]
    public void Dns_records_are_declared_only_by_the_primarys_platform()
    {
        var synth = TestProject.Synthesizer(Load());
        var all = synth.BuildAll();
        // The primary is AWS: no Cloud DNS records, no Azure DNS records or Traffic Manager endpoints anywhere.
        Assert.DoesNotContain(all.SelectMany(s => s.Resources).Where(IsPublicDns), r =>
            r.Type is Components.Gcp.GcpTypes.RecordSet or Components.Gcp.GcpTypes.ManagedZone
                or Components.Azure.AzureTypes.DnsRecordSet or Components.Azure.AzureTypes.DnsZone
                or Components.Azure.AzureTypes.TrafficManagerEndpoint or Components.Azure.AzureTypes.TrafficManagerProfile);
        // Whatever DNS resources exist belong to AWS. Regional stacks add only their own names to the zone (certificate
        // validation, the regional alias); the service name's records live in the global / cross-region stacks.
        foreach (var stack in all.Where(s => StackNames.IsRegional(s.Name)))
        {
            Assert.All(stack.Resources.Where(IsPublicDns).Where(r => DnsRecordTypes.Contains(r.Type)), r =>
            {
                Assert.Equal("aws", r.Package);
                Assert.False(r.Property("name") is Graph.Scalar { Literal: "app.example.com" }, $"{stack.Name}/{r.Name} declares the service name");
            });
        }

        var global = synth.Build(StackNames.Global);
        Assert.All(global.Resources.Where(r => !r.Type.StartsWith("pulumi:", StringComparison.Ordinal)), r => Assert.Equal("aws", r.Package));
    }

    [Fact]
    public void Switching_the_primary_moves_dns_to_that_clouds_platform()
    {
        // The GCP region as primary (and no AWS region, which needs a Route 53 zone): Cloud DNS holds the zone and the routed record.
        var yaml = System.Text.RegularExpressions.Regex.Replace(
                File.ReadAllText(Path.Combine(ExampleDirectory, "Pulumi.yaml")),
                @"      - id: us-east-1\n        cloud: aws\n(        .*\n)*",
                string.Empty)
            .Replace("role: secondary\n        priority: 80", "role: primary\n        priority: 100", StringComparison.Ordinal);
        var stacks = Directory.GetFiles(Path.Combine(ExampleDirectory, "stacks"))
            .ToDictionary(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length], File.ReadAllText);
        stacks.Remove("us-east-1");
        stacks["global"] = "config:\n  gcp:region: europe-west1\n  gcp:project: multiregion-example\n";
        stacks["cross-region"] = "config:\n  gcp:region: europe-west1\n  gcp:project: multiregion-example\n";
        using var project = TestProject.Create(yaml, stacks);
        var synth = project.Synthesizer();
        Assert.Equal("europe-west1", synth.Project.Topology.Primary.Id);
        var all = synth.BuildAll();
        var recordStacks = all.Where(s => s.Resources.Where(IsPublicDns).Any(r => DnsRecordTypes.Contains(r.Type))).Select(s => s.Name).ToArray();
        Assert.Equal(["cross-region"], recordStacks);
        Assert.All(all.SelectMany(s => s.Resources).Where(IsPublicDns).Where(r => DnsRecordTypes.Contains(r.Type)), r => Assert.Equal("gcp", r.Package));
        Assert.Single(synth.Build(StackNames.Global).OfType(Components.Gcp.GcpTypes.ManagedZone));
        Assert.DoesNotContain(all.SelectMany(s => s.Resources), r => r.Type == Components.Azure.AzureTypes.TrafficManagerProfile);
    }

    [Fact]
    public void Every_regional_stack_with_a_kube_context_runs_a_worker_pool_and_cross_region_runs_the_fallback_pool()
    {
        var synth = TestProject.Synthesizer(Load());
        foreach (var region in new[] { "us-east-1", "europe-west1", "westeurope" })
        {
            var stack = synth.Build(region);
            Assert.Single(stack.OfType(Components.Kubernetes.KubernetesTypes.Deployment));
            Assert.Equal($"region_{region}", ((Scalar)stack.Outputs["workerQueue"]).Literal);
        }

        var cross = synth.Build(StackNames.CrossRegion);
        Assert.Single(cross.OfType(Components.Kubernetes.KubernetesTypes.Deployment));
        Assert.Equal("eks-us-east-1", cross.Single(Components.Kubernetes.KubernetesTypes.Provider).Literal("context"));
    }

    [Fact]
    public void Resource_names_are_unique_and_valid_in_every_stack()
    {
        foreach (var stack in TestProject.Synthesizer(Load()).BuildAll())
        {
            Assert.All(stack.Resources, r => Assert.True(LogicalName.IsValid(r.Name), r.Name));
            Assert.Equal(stack.Resources.Count, stack.Resources.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
        }
    }

    public static TheoryData<string> Stacks() => new(TestProject.Synthesizer(Load()).StackNames);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Under_the_compiler_hook_every_stack_synthesizes_the_same_program_as_from_disk(string stack)
    {
        var fromDisk = TestProject.Synthesizer(Load()).Synthesize(stack);
        var config = PulumiConfig.For(ExampleDirectory, stack);
        var model = ProjectLoader.Load(new PulumiEnvironmentConfigurationSource("multiregion-mixed", stack, config));
        Assert.Equal(fromDisk, TestProject.Synthesizer(model).Synthesize(stack));
    }

    [Fact]
    public void Planner_agrees_with_the_stack_references()
    {
        var stacks = TestProject.Synthesizer(Load()).BuildAll();
        var plan = StackPlanner.Plan(stacks.Select(s => new PlannedStack(s.Name, s.ReferencedStacks.ToArray(), s.Resources.Count)));
        Assert.Equal(stacks.Count, plan.Order.Count);
    }
}
