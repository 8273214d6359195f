using System.Globalization;
using MultiRegion.Health.History;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Sandbox;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Sandbox;

/// <summary>
/// The sandbox end to end through the CLI entry point: serve → the DNS answer (a real UDP query) is the primary →
/// a drill fails it → the answer becomes the next-priority healthy region → restore → the answer returns.
/// Short intervals keep each test to a few seconds. Timing bounds are the design's targets, measured in the
/// benchmark; here they are checked with slack for a loaded CI machine.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class SandboxEndToEndTests
{
    private static readonly string[] Fast = ["--interval", "300ms", "--threshold", "2", "--success-threshold", "2"];

    [Fact]
    public async Task Serve_answers_with_the_primary_then_a_drill_fails_over_to_the_next_priority_region_and_back()
    {
        using var project = new TempProject();
        await using var sandbox = await ServedSandbox.StartAsync(project, Fast);
        var state = sandbox.State;
        var primary = state.Regions.Single(r => r.Id == "us-east-1");
        var next = state.Regions.Single(r => r.Id == "us-west-2");
        Assert.Equal(4, state.Regions.Count);
        Assert.All(state.Regions, r => Assert.StartsWith("127.", r.Address, StringComparison.Ordinal));

        var before = await UdpDns.AskAsync(state.DnsHost, state.DnsPort, "app.example.com");
        Assert.Contains(primary.Target, before.Values);
        Assert.Equal(["us-east-1"], before.Regions(Targets(state)));

        var reports = Path.Combine(project.Directory, "reports");
        var drill = await CliRunner.RunAsync("--project", project.Directory, "drill", "--region", "us-east-1", "--report-dir", reports);
        Assert.True(drill.ExitCode == ExitCodes.Success, drill.ToString());
        Assert.Contains("DNS answer changed after", drill.Out, StringComparison.Ordinal);
        Assert.Contains("us-west-2 (", drill.Out, StringComparison.Ordinal);

        using var history = HealthHistory.Open(project.HistoryFile);
        var entry = Assert.Single(history.Drills());
        Assert.True(entry.Success);
        Assert.Equal("us-east-1", entry.RegionId);
        var failover = entry.DnsChanged!.Value - entry.Started;
        var bound = (TimeSpan.FromMilliseconds(300) * 2) + TimeSpan.FromMilliseconds(250);
        Assert.True(failover > TimeSpan.Zero);
        Assert.True(failover <= bound * 3, $"failure → DNS changed took {failover.TotalMilliseconds} ms; bound {bound.TotalMilliseconds} ms (×3 slack for a loaded machine)");
        Assert.Contains("\"movedTo\":[\"us-west-2\"]", entry.DetailsJson, StringComparison.Ordinal);
        Assert.True(entry.FailbackDns > entry.Restored);

        var after = await UdpDns.AskAsync(state.DnsHost, state.DnsPort, "app.example.com");
        Assert.Equal(["us-east-1"], after.Regions(Targets(state)));
        Assert.NotEqual(next.Target, primary.Target);
    }

    [Fact]
    public async Task Fail_verify_restore_through_the_cli_against_a_served_sandbox()
    {
        using var project = new TempProject();
        await using var sandbox = await ServedSandbox.StartAsync(project, Fast);
        var p = project.Directory;

        Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync("--project", p, "verify")).ExitCode);
        using (var http = new HttpClient())
        {
            var metrics = await http.GetStringAsync(new Uri(new Uri(sandbox.State.ControlUrl), "metrics"), TestContext.Current.CancellationToken);
            Assert.Contains("us-east-1", metrics, StringComparison.Ordinal);
        }

        var fail = await CliRunner.RunAsync("--project", p, "sandbox", "fail", "us-east-1", "--mode", "stop");
        Assert.True(fail.ExitCode == ExitCodes.Success, fail.ToString());

        var moved = await CliRunner.RunAsync("--project", p, "verify", "--wait", "10s");
        Assert.True(moved.ExitCode == ExitCodes.Success, moved.ToString());
        Assert.Contains("us-west-2", moved.Out, StringComparison.Ordinal);
        var answer = await UdpDns.AskAsync(sandbox.State.DnsHost, sandbox.State.DnsPort, "app.example.com");
        Assert.Equal(["us-west-2"], answer.Regions(Targets(sandbox.State)));

        var status = await CliRunner.RunAsync("--project", p, "sandbox", "status");
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        Assert.Contains("stopped", status.Out, StringComparison.Ordinal);

        // verify against "any" DNS server with an endpoints file (the health checker's format)
        var endpointsFile = Path.Combine(p, "endpoints.json");
        await File.WriteAllTextAsync(endpointsFile, System.Text.Json.JsonSerializer.Serialize(new
        {
            service = "app.example.com",
            zone = "example.com",
            policy = "failover",
            endpoints = sandbox.State.Regions.Select(r => new { regionId = r.Id, healthUrl = r.HealthUrl, target = r.Target, priority = r.Priority }),
        }), TestContext.Current.CancellationToken);
        var dns = string.Create(CultureInfo.InvariantCulture, $"{sandbox.State.DnsHost}:{sandbox.State.DnsPort}");
        var external = await CliRunner.RunAsync("verify", "--endpoints", endpointsFile, "--dns-server", dns);
        Assert.True(external.ExitCode == ExitCodes.Success, external.ToString());
        Assert.Contains("us-west-2", external.Out, StringComparison.Ordinal);
        var noServer = await CliRunner.RunAsync("verify", "--endpoints", endpointsFile);
        Assert.Equal(ExitCodes.Usage, noServer.ExitCode);

        Assert.Equal(ExitCodes.Success, (await CliRunner.RunAsync("--project", p, "sandbox", "restore", "us-east-1")).ExitCode);
        var back = await CliRunner.RunAsync("--project", p, "verify", "--wait", "10s");
        Assert.True(back.ExitCode == ExitCodes.Success, back.ToString());
        Assert.Contains("us-east-1", back.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_deploys_drills_the_primary_reports_and_exits_zero()
    {
        using var project = new TempProject();
        var result = await CliRunner.RunAsync("--project", project.Directory, "demo", "--interval", "300ms");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("plan:", result.Out, StringComparison.Ordinal);
        Assert.Contains("resources", result.Out, StringComparison.Ordinal);
        Assert.Contains("dig @127.0.0.1 -p ", result.Out, StringComparison.Ordinal);
        Assert.Contains("answer (UDP query): app.example.com. A → us-east-1", result.Out, StringComparison.Ordinal);
        Assert.Contains("demo passed", result.Out, StringComparison.Ordinal);
        var reportLine = result.Out.Split('\n').Single(l => l.StartsWith("report:", StringComparison.Ordinal));
        var report = reportLine["report:".Length..].Trim();
        Assert.True(File.Exists(report), report);
        Assert.True(File.Exists(Path.ChangeExtension(report, ".svg")));
        Assert.False(File.Exists(project.StateFile), "the demo leaves no running sandbox behind");
    }

    [Fact]
    public async Task Shared_address_mode_answers_with_a_cname_naming_the_region()
    {
        using var project = new TempProject();
        await using var sandbox = await ServedSandbox.StartAsync(project, [.. Fast, "--shared-address"]);
        Assert.False(sandbox.State.DistinctAddresses);
        Assert.All(sandbox.State.Regions, r => Assert.Equal("127.0.0.1", r.Address));
        Assert.Equal(4, sandbox.State.Regions.Select(r => r.Port).Distinct().Count());

        var answer = await UdpDns.AskAsync(sandbox.State.DnsHost, sandbox.State.DnsPort, "app.example.com");
        Assert.Contains("us-east-1.sandbox.example.com.", answer.Values);
        Assert.Contains("127.0.0.1", answer.Values);

        // The measuring side pointed explicitly at a DNS server and name (as against real DNS).
        var dns = string.Create(CultureInfo.InvariantCulture, $"{sandbox.State.DnsHost}:{sandbox.State.DnsPort}");
        var drill = await CliRunner.RunAsync("--project", project.Directory, "drill", "--region", "us-east-1", "--report-dir", Path.Combine(project.Directory, "r"),
            "--dns-server", dns, "--name", "app", "--zone", "example.com", "--poll", "10ms");
        Assert.True(drill.ExitCode == ExitCodes.Success, drill.ToString());
        Assert.Contains("us-west-2 (127.0.0.1, us-west-2.sandbox.example.com.)", drill.Out, StringComparison.Ordinal);
        Assert.Contains($"polling app.example.com. on {dns} every 10 ms", drill.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_that_need_a_running_sandbox_say_so_and_bad_input_is_a_usage_error()
    {
        using var project = new TempProject();
        var status = await CliRunner.RunAsync("--project", project.Directory, "sandbox", "status");
        Assert.Equal(ExitCodes.Failure, status.ExitCode);
        Assert.Contains("no sandbox is running", status.Error, StringComparison.Ordinal);

        var down = await CliRunner.RunAsync("--project", project.Directory, "sandbox", "down");
        Assert.Equal(ExitCodes.Success, down.ExitCode);

        var mode = await CliRunner.RunAsync("--project", project.Directory, "sandbox", "fail", "us-east-1", "--mode", "explode");
        Assert.Equal(ExitCodes.Usage, mode.ExitCode);
        Assert.Contains("--mode", mode.Error, StringComparison.Ordinal);

        var interval = await CliRunner.RunAsync("--project", project.Directory, "demo", "--interval", "soon");
        Assert.Equal(ExitCodes.Usage, interval.ExitCode);

        var target = await CliRunner.RunAsync("--project", project.Directory, "up", "--target", "aws");
        Assert.Equal(ExitCodes.Usage, target.ExitCode);
        Assert.Contains("--target", target.Error, StringComparison.Ordinal);

        var threshold = await CliRunner.RunAsync("--project", project.Directory, "demo", "--threshold", "0");
        Assert.Equal(ExitCodes.Usage, threshold.ExitCode);
        Assert.Contains("FailureThreshold", threshold.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_refuses_to_start_a_second_sandbox_for_the_same_project_from_another_process_state()
    {
        using var project = new TempProject();
        Directory.CreateDirectory(project.SandboxDirectory);
        using var other = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "30") { UseShellExecute = false });
        Assert.NotNull(other);
        try
        {
            var fake = new SandboxState(other.Id, DateTimeOffset.UtcNow, project.Directory, "http://127.0.0.1:1/", "127.0.0.1", 1, "example.com.", "app.example.com.", "failover", true, 1000, 3, 2, project.HistoryFile, []);
            fake.Write(project.StateFile);
            var result = await CliRunner.RunAsync("--project", project.Directory, "sandbox", "serve");
            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"already running for this project (pid {other.Id}"), result.Error, StringComparison.Ordinal);
        }
        finally
        {
            other.Kill();
        }
    }

    private static List<(string Region, string Target)> Targets(SandboxState state) => [.. state.Regions.Select(r => (r.Id, r.Target))];
}
