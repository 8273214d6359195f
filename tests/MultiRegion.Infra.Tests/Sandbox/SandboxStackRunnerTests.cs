using System.Diagnostics;
using MultiRegion.Components.Configuration;
using MultiRegion.Infra.Example;
using MultiRegion.Infra.Orchestration;
using MultiRegion.Infra.Sandbox;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Sandbox;

/// <summary>The sandbox's <see cref="IStackRunner"/> used the way the orchestrator uses it: stack by stack, wave by wave.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SandboxStackRunnerTests
{
    [Fact]
    public async Task A_background_sandbox_outlives_up_and_ends_when_every_stack_is_destroyed()
    {
        using var project = new TempProject();
        var synthesizer = Platforms.SynthesizerFor(ProjectLoader.LoadDirectory(project.Directory));
        var plan = synthesizer.Plan();
        var settings = new SandboxSettings { Interval = TimeSpan.FromMilliseconds(300), FailureThreshold = 2 };
        var runner = SandboxStackRunner.ForBackground(project.Directory, synthesizer, settings);
        Assert.Equal("sandbox", runner.Target);
        var ct = TestContext.Current.CancellationToken;

        await runner.PreflightAsync(ct);
        var nothing = await runner.RunAsync(StackOperation.Destroy, "global", TextWriter.Null, ct);
        Assert.True(nothing.Succeeded);
        Assert.Contains("no sandbox is running", nothing.Summary, StringComparison.Ordinal);
        Assert.False(File.Exists(project.StateFile), "destroy must not start a sandbox");
        SandboxState? state = null;
        try
        {
            foreach (var wave in plan.Waves)
            {
                var results = await Task.WhenAll(wave.Select(s => runner.RunAsync(StackOperation.Up, s, TextWriter.Null, ct)));
                Assert.All(results, r => Assert.True(r.Succeeded, r.Summary));
            }

            state = SandboxState.TryRead(project.StateFile)!;
            Assert.NotEqual(Environment.ProcessId, state.Pid);
            Assert.Equal(4, state.Regions.Count);
            var answer = await UdpDns.AskAsync(state.DnsHost, state.DnsPort, "app.example.com");
            Assert.Equal(["us-east-1"], answer.Regions([.. state.Regions.Select(r => (r.Id, r.Target))]));

            var refresh = await runner.RunAsync(StackOperation.Refresh, "us-west-2", TextWriter.Null, ct);
            Assert.Equal("deployed in the sandbox", refresh.Summary);

            foreach (var wave in plan.DestroyWaves)
            {
                var results = await Task.WhenAll(wave.Select(s => runner.RunAsync(StackOperation.Destroy, s, TextWriter.Null, ct)));
                Assert.All(results, r => Assert.True(r.Succeeded, r.Summary));
            }

            using var process = Process.GetProcessById(state.Pid);
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), "the background sandbox did not end after its last stack was destroyed");
            Assert.False(File.Exists(project.StateFile));
        }
        finally
        {
            if (SandboxState.TryRead(project.StateFile) is { } left && left.ProcessIsAlive() && left.Pid != Environment.ProcessId)
            {
                using var process = Process.GetProcessById(left.Pid);
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Preview_compiles_without_creating_anything_and_unknown_stacks_fail()
    {
        using var project = new TempProject();
        var model = ProjectLoader.LoadDirectory(project.Directory);
        var synthesizer = Platforms.SynthesizerFor(model);
        await using var host = new SandboxHost(model, new SandboxSettings());
        var runner = new SandboxStackRunner(host, synthesizer);
        var ct = TestContext.Current.CancellationToken;
        var log = new StringWriter();

        var preview = await runner.RunAsync(StackOperation.Preview, "us-east-1", log, ct);
        Assert.True(preview.Succeeded);
        Assert.Contains("resources", preview.Summary, StringComparison.Ordinal);
        Assert.Contains("would create a loopback HTTP endpoint", preview.Summary, StringComparison.Ordinal);
        Assert.Empty(host.Endpoints);
        Assert.Empty(host.DeployedStacks);

        var unknown = await runner.RunAsync(StackOperation.Up, "mars-north-1", log, ct);
        Assert.False(unknown.Succeeded);

        var early = await runner.RunAsync(StackOperation.Up, "cross-region", log, ct);
        Assert.False(early.Succeeded);
        Assert.Contains("not deployed", early.Summary, StringComparison.Ordinal);
    }
}
