using System.Globalization;
using MultiRegion.Health.History;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Tests.Sandbox;
using MultiRegion.Health.Tests.Support;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Drills;

/// <summary>
/// The sandbox with a real DNS server: BIND on loopback holds the service record, the sandbox's checker writes it
/// through RFC 2136 (TSIG), and the drill polls BIND over UDP. Needs named and tsig-keygen (CI installs BIND).
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class RealDnsDrillTests
{
    [Fact]
    public async Task A_drill_measures_failover_on_a_bind_server_the_checker_updates_over_rfc2136()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bind = await BindServer.StartAsync("example.com", ct);
        using var project = new TempProject();
        var dns = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{bind.Port}");
        await using var sandbox = await ServedSandbox.StartAsync(project,
            "--interval", "300ms", "--threshold", "2", "--success-threshold", "2",
            "--dns-provider", "rfc2136", "--dns-server", dns, "--tsig-key-file", bind.KeyFile);
        Assert.Equal(bind.Port, sandbox.State.DnsPort);

        var targets = sandbox.State.Regions.Select(r => (r.Id, r.Target)).ToList();
        var before = await UdpDns.AskAsync("127.0.0.1", bind.Port, "app.example.com");
        Assert.Equal(["us-east-1"], before.Regions(targets));

        var drill = await CliRunner.RunAsync("--project", project.Directory, "drill", "--region", "us-east-1", "--report-dir", Path.Combine(project.Directory, "r"));
        Assert.True(drill.ExitCode == ExitCodes.Success, drill + "\n" + sandbox.Log);
        Assert.Contains($"on {dns} every", drill.Out, StringComparison.Ordinal);
        Assert.Contains("DNS answer changed after", drill.Out, StringComparison.Ordinal);

        using var history = HealthHistory.Open(project.HistoryFile);
        var entry = Assert.Single(history.Drills());
        Assert.True(entry.Success);
        Assert.Contains("\"movedTo\":[\"us-west-2\"]", entry.DetailsJson, StringComparison.Ordinal);
        Assert.Contains(history.DnsChanges(), c => c.Provider == "rfc2136" && c.Success);

        var after = await UdpDns.AskAsync("127.0.0.1", bind.Port, "app.example.com");
        Assert.Equal(["us-east-1"], after.Regions(targets));
    }

    [Fact]
    public async Task External_dns_options_are_checked()
    {
        using var project = new TempProject();
        var missingKey = await CliRunner.RunAsync("--project", project.Directory, "demo", "--dns-provider", "rfc2136", "--dns-server", "127.0.0.1:5300");
        Assert.Equal(ExitCodes.Usage, missingKey.ExitCode);
        Assert.Contains("--tsig-key-file", missingKey.Error, StringComparison.Ordinal);

        var unknown = await CliRunner.RunAsync("--project", project.Directory, "demo", "--dns-provider", "bind");
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);

        var stray = await CliRunner.RunAsync("--project", project.Directory, "demo", "--tsig-key-file", "k");
        Assert.Equal(ExitCodes.Usage, stray.ExitCode);
        Assert.Contains("only with --dns-provider", stray.Error, StringComparison.Ordinal);
    }
}
