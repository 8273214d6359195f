using System.Diagnostics;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Tests.Sandbox;
using MultiRegion.Infra.Tests.Support;
using MultiRegion.Tests;

namespace MultiRegion.Infra.Tests.Drills;

/// <summary>The drill scripts, run with bash against a sandbox served by the test: their exit codes and output.</summary>
[Collection(SandboxCollection.Name)]
public sealed class DrillScriptTests
{
    [Fact]
    public async Task Scripts_fail_verify_and_restore_a_region_of_a_served_sandbox()
    {
        var bash = Requires.Executable("bash");
        using var project = new TempProject();
        await using var sandbox = await ServedSandbox.StartAsync(project, "--interval", "300ms", "--threshold", "2", "--success-threshold", "2");

        var verify = await RunAsync(bash, project, "verify-failover.sh", "--wait", "0");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("us-east-1", verify.Out, StringComparison.Ordinal);

        var fail = await RunAsync(bash, project, "simulate-region-failure.sh", "us-east-1");
        Assert.True(fail.ExitCode == 0, fail.ToString());

        var moved = await RunAsync(bash, project, "verify-failover.sh", "--wait", "10s");
        Assert.True(moved.ExitCode == 0, moved.ToString());
        Assert.Contains("→ us-west-2", moved.Out, StringComparison.Ordinal);

        var restore = await RunAsync(bash, project, "restore-region.sh", "us-east-1");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var back = await RunAsync(bash, project, "verify-failover.sh", "--wait", "10s");
        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.Contains("→ us-east-1", back.Out, StringComparison.Ordinal);

        var unknown = await RunAsync(bash, project, "simulate-region-failure.sh", "mars-north-1");
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Contains("mars-north-1", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scripts_exit_2_on_bad_usage_and_1_without_a_sandbox()
    {
        var bash = Requires.Executable("bash");
        using var project = new TempProject();
        foreach (var (script, args) in new (string, string[])[]
        {
            ("simulate-region-failure.sh", []),
            ("simulate-region-failure.sh", ["us-east-1", "--mode", "explode"]),
            ("restore-region.sh", []),
            ("restore-region.sh", ["a", "b"]),
            ("verify-failover.sh", ["--bogus"]),
        })
        {
            var result = await RunAsync(bash, project, script, args);
            Assert.True(result.ExitCode == ExitCodes.Usage, $"{script} {string.Join(' ', args)}: {result}");
            Assert.Contains("usage:", result.Error + result.Out, StringComparison.OrdinalIgnoreCase);
        }

        var noSandbox = await RunAsync(bash, project, "verify-failover.sh", "--wait", "0");
        Assert.Equal(ExitCodes.Failure, noSandbox.ExitCode);
        Assert.Contains("no sandbox is running", noSandbox.Error, StringComparison.Ordinal);
    }

    private static async Task<CliResult> RunAsync(string bash, TempProject project, string script, params string[] args)
    {
        var start = new ProcessStartInfo(bash)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = project.Directory,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var (host, prefix) = MultiRegion.Infra.Sandbox.SandboxLauncher.SelfCommand();
        start.Environment["MULTIREGION_CLI"] = string.Join(' ', [Quote(host), .. prefix.Select(Quote)]);
        start.Environment["MULTIREGION_PROJECT"] = project.Directory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Quote(string text) => text.Contains(' ', StringComparison.Ordinal) ? throw new InvalidOperationException($"path with spaces: {text}") : text;
}
