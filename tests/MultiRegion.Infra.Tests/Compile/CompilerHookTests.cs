using System.Diagnostics;
using MultiRegion.Components.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MultiRegion.Infra.Tests.Compile;

/// <summary>
/// The compiler hook exactly as Pulumi's YAML language host runs it: the command from Pulumi.yaml, split like a
/// shell, run from the project root — once with no PULUMI_* variables (plugin discovery), once with them.
/// </summary>
public sealed class CompilerHookTests
{
    [Fact]
    public async Task Without_pulumi_variables_it_prints_a_program_declaring_every_provider_package()
    {
        var (exit, stdout, stderr) = await RunHookAsync(new Dictionary<string, string>());

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        var program = ParseProgram(stdout);
        var types = ResourceTypes(program);
        Assert.Contains("pulumi:providers:aws", types);
        Assert.Contains("aws:route53/zone:Zone", types);
    }

    [Fact]
    public async Task The_mixed_cloud_examples_hook_declares_every_clouds_provider_package()
    {
        var (exit, stdout, stderr) = await RunHookAsync(new Dictionary<string, string>(), Path.Combine(RepositoryPaths.Root, "examples", "mixed-cloud"));

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        var types = ResourceTypes(ParseProgram(stdout));
        Assert.Contains("pulumi:providers:aws", types);
        Assert.Contains("pulumi:providers:gcp", types);
        Assert.Contains("pulumi:providers:azure-native", types);
    }

    [Theory]
    [InlineData("global")]
    [InlineData("us-east-1")]
    [InlineData("eu-central-1")]
    [InlineData("cross-region")]
    public async Task With_pulumi_variables_it_prints_the_selected_stacks_program(string stack)
    {
        var (exit, stdout, stderr) = await RunHookAsync(PulumiEnvironment(stack));

        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        var program = ParseProgram(stdout);
        Assert.Contains(stack, ((YamlScalarNode)program["description"]).Value, StringComparison.Ordinal);
        Assert.NotEmpty(ResourceTypes(program));
    }

    [Fact]
    public async Task Bad_config_fails_with_one_clear_message_and_nothing_on_stdout()
    {
        var environment = PulumiEnvironment("us-east-1");
        environment["PULUMI_CONFIG"] = environment["PULUMI_CONFIG"].Replace("10.1.0.0/16", "10.0.0.0/16", StringComparison.Ordinal);

        var (exit, stdout, stderr) = await RunHookAsync(environment);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("error: PULUMI_CONFIG: regions[1].cidr: overlaps us-east-1", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_stack_fails_naming_the_stacks()
    {
        var (exit, stdout, stderr) = await RunHookAsync(PulumiEnvironment("us-east-1") is var e && (e["PULUMI_STACK"] = "staging") is not null ? e : e);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("PULUMI_STACK: stack: is not a stack of this deployment", stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> PulumiEnvironment(string stack) => new()
    {
        ["PULUMI_STACK"] = stack,
        ["PULUMI_ORGANIZATION"] = "acme",
        ["PULUMI_PROJECT"] = "multiregion",
        ["PULUMI_ROOT_DIRECTORY"] = RepositoryPaths.Root,
        ["PULUMI_CONFIG"] = PulumiConfig.For(RepositoryPaths.Root, stack),
    };

    private static string CompilerCommand(string projectDirectory)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(projectDirectory, "Pulumi.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var runtime = (YamlMappingNode)root["runtime"];
        Assert.Equal("yaml", ((YamlScalarNode)runtime["name"]).Value);
        return ((YamlScalarNode)((YamlMappingNode)runtime["options"])["compiler"]).Value!;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunHookAsync(Dictionary<string, string> pulumiVariables, string? projectDirectory = null)
    {
        projectDirectory ??= RepositoryPaths.Root;
        var words = ShellWords.Split(CompilerCommand(projectDirectory));
        var start = new ProcessStartInfo(words[0], words.Skip(1))
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in pulumiVariables)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static YamlMappingNode ParseProgram(string stdout)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(stdout));
        return Assert.IsType<YamlMappingNode>(stream.Documents.Single().RootNode);
    }

    private static List<string> ResourceTypes(YamlMappingNode program) =>
        ((YamlMappingNode)program["resources"]).Children.Values
            .Select(r => ((YamlScalarNode)((YamlMappingNode)r)["type"]).Value!)
            .ToList();
}
