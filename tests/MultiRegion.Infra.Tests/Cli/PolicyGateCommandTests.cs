using System.Text.Json;
using MultiRegion.Components.Tests.Support;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Compile;

namespace MultiRegion.Infra.Tests.Cli;

/// <summary>
/// The policy gate in the commands: validate, synth and the compiler hook fail on an unwaived error; a justified
/// waiver in Pulumi.yaml lets them pass and plan prints it. The violation used is MR008 (failover routing with every
/// secondary disabled), which a project can reach through configuration alone.
/// </summary>
public sealed class PolicyGateCommandTests
{
    private const string Waiver = "config:\n  waivers:\n    value:\n      - rule: MR008\n        resource: \"*\"\n        justification: staging runs the primary only\n";

    private static TempProject NoEnabledSecondary() =>
        TempProject.CopyOfExample().EditProject("role: secondary", "role: secondary\n        enabled: false");

    [Fact]
    public async Task Validate_fails_with_every_policy_error_and_no_stack_trace()
    {
        using var project = NoEnabledSecondary();

        var (exit, stdout, stderr) = await CliRun.RunAsync("validate", "--project", project.Directory);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        // With one enabled AWS region no Route 53 failover pair is declared, so the topology-level finding is the only one.
        Assert.Contains("policy gate: 1 error(s)", stderr, StringComparison.Ordinal);
        Assert.Contains("error MR008-failover-secondary: (project)/(topology).regions", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_writes_nothing_when_the_gate_fails()
    {
        using var project = NoEnabledSecondary();
        var dir = Path.Combine(project.Directory, "out");

        var (exit, _, stderr) = await CliRun.RunAsync("synth", "--out", dir, "--project", project.Directory);

        Assert.Equal(1, exit);
        Assert.Contains("MR008-failover-secondary", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void The_compiler_hook_fails_the_pulumi_operation_on_a_policy_error()
    {
        using var project = NoEnabledSecondary();
        var environment = new Dictionary<string, string?>
        {
            ["PULUMI_STACK"] = "us-east-1",
            ["PULUMI_PROJECT"] = "multiregion",
            ["PULUMI_CONFIG"] = PulumiConfig.For(project.Directory, "us-east-1"),
        };

        var error = Assert.ThrowsAny<Exception>(() => CompilerHook.Compile(environment, project.Directory));
        Assert.Contains("MR008-failover-secondary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_justified_waiver_passes_validate_and_plan_prints_it()
    {
        using var project = NoEnabledSecondary().EditProject("config:\n", Waiver);

        var validate = await CliRun.RunAsync("validate", "--project", project.Directory);
        Assert.True(validate.Exit == 0, validate.Stderr);
        Assert.Contains("1 waiver(s)", validate.Stdout, StringComparison.Ordinal);
        Assert.Contains("waived MR008-failover-secondary", validate.Stderr, StringComparison.Ordinal);

        var plan = await CliRun.RunAsync("plan", "--project", project.Directory);
        Assert.True(plan.Exit == 0, plan.Stderr);
        Assert.Contains("waived MR008-failover-secondary on (project)/(topology): staging runs the primary only", plan.Stdout, StringComparison.Ordinal);

        var json = await CliRun.RunAsync("plan", "--json", "--project", project.Directory);
        using var document = JsonDocument.Parse(json.Stdout);
        var waiver = Assert.Single(document.RootElement.GetProperty("policy").GetProperty("waivers").EnumerateArray());
        Assert.Equal("staging runs the primary only", waiver.GetProperty("justification").GetString());
        Assert.Equal("MR008-failover-secondary", waiver.GetProperty("rule").GetString());
        Assert.Empty(document.RootElement.GetProperty("policy").GetProperty("findings").EnumerateArray());
    }
}
