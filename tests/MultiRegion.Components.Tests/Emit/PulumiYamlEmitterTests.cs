using MultiRegion.Components.Configuration;
using MultiRegion.Components.Emit;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MultiRegion.Components.Tests.Emit;

public sealed class PulumiYamlEmitterTests
{
    private static DeploymentSynthesizer Example() => new(ProjectLoader.LoadDirectory(RepositoryPaths.Root), TestPlatforms.All);

    public static TheoryData<string> ExampleStacks() => new(Example().StackNames);

    [Theory]
    [MemberData(nameof(ExampleStacks))]
    public void The_same_input_synthesizes_byte_identical_yaml(string stack)
    {
        var first = Example().Synthesize(stack);
        var second = Example().Synthesize(stack);

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(ExampleStacks))]
    public void Disk_config_and_pulumi_config_produce_the_same_program(string stack)
    {
        var fromDisk = Example().Synthesize(stack);
        var config = PulumiConfig.For(RepositoryPaths.Root, stack);
        var fromHook = new DeploymentSynthesizer(ProjectLoader.Load(new PulumiEnvironmentConfigurationSource("multiregion", stack, config)), TestPlatforms.All).Synthesize(stack);

        Assert.Equal(fromDisk, fromHook);
    }

    /// <summary>
    /// The example's programs, reviewed. After an intended change, regenerate with MULTIREGION_UPDATE_GOLDEN=1 and
    /// review the diff of tests/MultiRegion.Components.Tests/Emit/golden/ before committing it.
    /// </summary>
    [Theory]
    [MemberData(nameof(ExampleStacks))]
    public void The_example_programs_match_the_reviewed_golden_files(string stack)
    {
        var golden = Path.Combine(RepositoryPaths.Root, "tests", "MultiRegion.Components.Tests", "Emit", "golden", $"{stack}.yaml");
        var actual = Example().Synthesize(stack);
        if (Environment.GetEnvironmentVariable("MULTIREGION_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, actual);
        }

        Assert.True(File.Exists(golden), $"no golden file {golden}");
        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Fact]
    public void Every_expression_names_a_resource_or_variable_of_the_same_program()
    {
        foreach (var stack in Example().BuildAll())
        {
            var yaml = PulumiYamlEmitter.Emit(stack);
            var names = stack.Resources.Select(r => r.Name).Concat(stack.Variables.Select(v => v.Name)).Append("pulumi").ToHashSet();
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(yaml, @"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)"))
            {
                Assert.True(names.Contains(m.Groups[1].Value), $"{stack.Name}: ${{{m.Groups[1].Value}…}} names nothing in the program");
            }
        }
    }

    [Fact]
    public void Strings_that_look_like_other_types_stay_strings_and_literal_interpolations_are_escaped()
    {
        var stack = new StackDefinition("s", "d");
        stack.AddResource("r", "aws:s3/bucket:Bucket", Value.Map(
            ("yes", "true"), ("number", "0123"), ("empty", ""), ("colon", "a: b"), ("policy", "arn:aws:iam::${aws:username}"), ("flag", true), ("count", 3)));

        var root = (YamlMappingNode)Parse(PulumiYamlEmitter.Emit(stack));
        var props = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root["resources"])["r"])["properties"];

        Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, ((YamlScalarNode)props["yes"]).Style);
        Assert.Equal("0123", ((YamlScalarNode)props["number"]).Value);
        Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, ((YamlScalarNode)props["number"]).Style);
        Assert.Equal(string.Empty, ((YamlScalarNode)props["empty"]).Value);
        Assert.Equal("a: b", ((YamlScalarNode)props["colon"]).Value);
        Assert.Equal("arn:aws:iam::$${aws:username}", ((YamlScalarNode)props["policy"]).Value);
        Assert.Equal("true", ((YamlScalarNode)props["flag"]).Value);
        Assert.Equal(YamlDotNet.Core.ScalarStyle.Plain, ((YamlScalarNode)props["flag"]).Style);
    }

    [Fact]
    public void References_options_and_functions_use_pulumi_yaml_syntax()
    {
        var stack = new StackDefinition("s", "d");
        var provider = stack.AddProvider("awsUsEast1", "aws", Value.Map(("region", "us-east-1")), isDefault: true);
        var vpc = stack.AddResource("vpc", "aws:ec2/vpc:Vpc", Value.Map(("cidrBlock", "10.0.0.0/16")), new ResourceOptions { Protect = true, IgnoreChanges = ["tags"] });
        var other = stack.Reference("global");
        stack.AddResource("subnet", "aws:ec2/subnet:Subnet", Value.Map(
            ("vpcId", vpc.Output("id")),
            ("tags", Value.Map(("zone", other.Output("zoneId")), ("arn", InterpolatedValue.Of("arn:", vpc.Output("arn"), "/x"))))),
            new ResourceOptions { DependsOn = [vpc], CustomTimeouts = new CustomTimeouts(Create: "30m") });
        stack.Export("secret", Value.Secret("s3cr3t"));

        var yaml = PulumiYamlEmitter.Emit(stack);

        Assert.Contains("    type: pulumi:providers:aws", yaml, StringComparison.Ordinal);
        Assert.Contains("      vpcId: \"${vpc.id}\"", yaml, StringComparison.Ordinal);
        Assert.Contains("        zone: \"${globalStack.outputs[\\\"zoneId\\\"]}\"", yaml, StringComparison.Ordinal);
        Assert.Contains("        arn: \"arn:${vpc.arn}/x\"", yaml, StringComparison.Ordinal);
        Assert.Contains("      name: \"${pulumi.organization}/${pulumi.project}/global\"", yaml, StringComparison.Ordinal);
        Assert.Contains("      provider: \"${awsUsEast1}\"", yaml, StringComparison.Ordinal);
        Assert.Contains("      dependsOn:\n      - \"${vpc}\"", yaml, StringComparison.Ordinal);
        Assert.Contains("      protect: true", yaml, StringComparison.Ordinal);
        Assert.Contains("      customTimeouts:\n        create: \"30m\"", yaml, StringComparison.Ordinal);
        Assert.Contains("  secret:\n    fn::secret: s3cr3t", yaml, StringComparison.Ordinal);
        Assert.Equal(["globalStack"], stack.Resources.Where(r => r.Type == "pulumi:pulumi:StackReference").Select(r => r.Name));
        Assert.Equal(["global"], stack.ReferencedStacks);
    }

    [Fact]
    public void Logical_names_must_be_pulumi_yaml_identifiers_and_unique()
    {
        var stack = new StackDefinition("s", "d");
        stack.AddResource("vpc", "aws:ec2/vpc:Vpc", Value.Map());

        Assert.Throws<ArgumentException>(() => stack.AddResource("my-vpc", "aws:ec2/vpc:Vpc", Value.Map()));
        Assert.Throws<InvalidOperationException>(() => stack.AddResource("vpc", "aws:ec2/vpc:Vpc", Value.Map()));
        Assert.Equal("networkUsEast1Vpc", LogicalName.Of("network", "us-east-1", "vpc"));
    }

    private static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }
}
