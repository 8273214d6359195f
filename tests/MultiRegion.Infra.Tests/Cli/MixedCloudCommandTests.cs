using System.Text.Json;
using MultiRegion.Components.Tests.Support;

namespace MultiRegion.Infra.Tests.Cli;

/// <summary>examples/mixed-cloud through the CLI: an AWS primary with a GCP and an Azure secondary.</summary>
public sealed class MixedCloudCommandTests
{
    private static readonly string Example = Path.Combine(RepositoryPaths.Root, "examples", "mixed-cloud");

    [Fact]
    public async Task Validate_accepts_the_mixed_cloud_example()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("validate", "--project", Example);

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("valid: 3 regions (primary us-east-1), 5 stacks", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_runs_the_primary_before_the_gcp_and_azure_secondaries_and_cross_region_last()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("plan", "--json", "--project", Example);

        Assert.True(exit == 0, stderr);
        using var plan = JsonDocument.Parse(stdout);
        var order = plan.RootElement.GetProperty("order").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(5, order.Count);
        Assert.True(order.IndexOf("global") < order.IndexOf("europe-west1"));
        Assert.True(order.IndexOf("us-east-1") < order.IndexOf("europe-west1"));
        Assert.True(order.IndexOf("us-east-1") < order.IndexOf("westeurope"));
        Assert.Equal("cross-region", order[^1]);
    }

    [Fact]
    public async Task Synth_writes_a_program_per_stack_on_each_clouds_provider()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mr-mixed-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (exit, _, stderr) = await CliRun.RunAsync("synth", "--out", dir, "--project", Example);
            Assert.True(exit == 0, stderr);
            Assert.Contains("type: pulumi:providers:gcp", File.ReadAllText(Path.Combine(dir, "europe-west1.yaml")), StringComparison.Ordinal);
            Assert.Contains("type: pulumi:providers:azure-native", File.ReadAllText(Path.Combine(dir, "westeurope.yaml")), StringComparison.Ordinal);
            Assert.Contains("type: pulumi:providers:kubernetes", File.ReadAllText(Path.Combine(dir, "cross-region.yaml")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
