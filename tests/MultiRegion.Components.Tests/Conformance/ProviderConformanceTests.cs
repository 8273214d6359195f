using MultiRegion.Components.Aws;
using MultiRegion.Components.Configuration;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Tests.Support;
using MultiRegion.Tests;

namespace MultiRegion.Components.Tests.Conformance;

/// <summary>
/// Every resource a project emits uses a real type token, only real inputs, and sets every required input, as the
/// provider's npm SDK declares them (DESIGN §6).
/// </summary>
public sealed class ProviderConformanceTests
{
    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string> { "." };
        var examples = Path.Combine(RepositoryPaths.Root, "examples");
        if (Directory.Exists(examples))
        {
            foreach (var dir in Directory.GetDirectories(examples).Where(d => File.Exists(Path.Combine(d, "Pulumi.yaml"))).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, dir));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_emitted_resource_conforms_to_its_provider_sdk(string project)
    {
        var model = ProjectLoader.LoadDirectory(Path.Combine(RepositoryPaths.Root, project));
        var stacks = new DeploymentSynthesizer(model, TestPlatforms.All).BuildAll();
        var packages = stacks.SelectMany(s => s.Resources).Select(r => r.Package).Where(p => p != "pulumi").Distinct().ToArray();
        var schemas = LoadSchemas(packages);

        var violations = stacks.SelectMany(s => ConformanceChecker.Violations(s, schemas)).ToArray();

        Assert.True(violations.Length == 0, $"{violations.Length} conformance violation(s):\n{string.Join('\n', violations)}");
    }

    [Fact]
    public void The_checker_rejects_an_unknown_token_an_unknown_input_and_a_missing_required_input()
    {
        var schemas = LoadSchemas(["aws"]);
        var stack = new Graph.StackDefinition("probe", "conformance self-test");
        stack.AddResource("notAType", "aws:ec2/vpcc:Vpcc", Graph.Value.Map(("cidrBlock", "10.0.0.0/16")));
        stack.AddResource("badInput", AwsTypes.Vpc, Graph.Value.Map(("cidr", "10.0.0.0/16")));
        stack.AddResource("missingRequired", AwsTypes.Subnet, Graph.Value.Map(("cidrBlock", "10.0.0.0/24")));

        var violations = ConformanceChecker.Violations(stack, schemas).ToArray();

        Assert.Contains(violations, v => v.Contains("'aws:ec2/vpcc:Vpcc' does not exist", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("'cidr' is not an input of aws:ec2/vpc:Vpc", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("required input 'vpcId'", StringComparison.Ordinal));
    }

    private static Dictionary<string, ProviderSchema> LoadSchemas(IEnumerable<string> packages)
    {
        var pinned = ProviderSchema.Pinned(RepositoryPaths.Root);
        var schemas = new Dictionary<string, ProviderSchema>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            Assert.True(pinned.ContainsKey(package), $"package '{package}' is not pinned in tests/provider-sdks.txt");
            var (npmName, version) = pinned[package];
            var schema = ProviderSchema.TryLoad(package, npmName, version, out var reason);
            Requires.That(schema is not null, reason);
            schemas[package] = schema!;
        }

        return schemas;
    }
}
