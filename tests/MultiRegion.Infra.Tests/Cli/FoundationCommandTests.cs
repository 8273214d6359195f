using System.Text.Json;
using MultiRegion.Components.Tests.Support;

namespace MultiRegion.Infra.Tests.Cli;

public sealed class FoundationCommandTests
{
    [Fact]
    public async Task Validate_accepts_the_example()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("validate", "--project", RepositoryPaths.Root);

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("valid: 4 regions (primary us-east-1), 6 stacks", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_rejects_bad_input_with_one_line_per_error_and_no_stack_trace()
    {
        using var project = TempProject.CopyOfExample().EditProject("cidr: 10.2.0.0/16", "cidr: 10.2.0.0/99");

        var (exit, stdout, stderr) = await CliRun.RunAsync("validate", "--project", project.Directory);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("error: Pulumi.yaml: regions[2].cidr: malformed CIDR", stderr, StringComparison.Ordinal);
        Assert.Contains("(value: '10.2.0.0/99')", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_json_lists_every_stack_with_its_references_and_resource_count()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("plan", "--json", "--project", RepositoryPaths.Root);

        Assert.True(exit == 0, stderr);
        using var plan = JsonDocument.Parse(stdout);
        var order = plan.RootElement.GetProperty("order").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(6, order.Length);
        Assert.Equal("cross-region", order[^1]);
        Assert.All(plan.RootElement.GetProperty("stacks").EnumerateArray(), s => Assert.True(s.GetProperty("resources").GetInt32() >= 0));
    }

    [Fact]
    public async Task Synth_writes_one_program_per_stack_and_nothing_when_the_stack_is_unknown()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mr-synth-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (exit, _, stderr) = await CliRun.RunAsync("synth", "--out", dir, "--project", RepositoryPaths.Root);
            Assert.True(exit == 0, stderr);
            Assert.Equal(
                ["ap-southeast-1.yaml", "cross-region.yaml", "eu-central-1.yaml", "global.yaml", "us-east-1.yaml", "us-west-2.yaml"],
                Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            var other = dir + "-bad";
            var bad = await CliRun.RunAsync("synth", "--out", other, "--stack", "mars-1", "--project", RepositoryPaths.Root);
            Assert.Equal(1, bad.Exit);
            Assert.Contains("--stack: unknown stack 'mars-1'", bad.Stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(other));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var (exit, _, stderr) = await CliRun.RunAsync("plan", "--bogus");

        Assert.Equal(2, exit);
        Assert.Contains("--bogus", stderr, StringComparison.Ordinal);
    }
}
