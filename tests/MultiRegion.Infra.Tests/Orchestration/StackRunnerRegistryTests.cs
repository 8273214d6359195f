using System.CommandLine;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Cli.Commands;
using MultiRegion.Infra.Orchestration;

namespace MultiRegion.Infra.Tests.Orchestration;

public sealed class StackRunnerRegistryTests
{
    private static readonly StackRunnerContext Context = new("/p", null!, null, new Dictionary<string, string?>(), TimeProvider.System);

    [Fact]
    public void This_build_knows_the_pulumi_and_sandbox_targets_and_defaults_to_the_sandbox()
    {
        Assert.Equal(["pulumi", "sandbox"], StackRunnerRegistry.Default.Targets);
        Assert.Equal("sandbox", StackRunnerRegistry.DefaultTarget);

        var error = Assert.Throws<StackRunnerUnavailableException>(() => StackRunnerRegistry.Default.Create("mars", Context));

        Assert.Equal("target 'mars' is not available in this build; available: pulumi, sandbox", error.Message);
    }

    [Fact]
    public void A_registered_target_builds_its_runner()
    {
        var runner = new InMemoryStackRunner();
        var registry = new StackRunnerRegistry([new StackRunnerFactory("sandbox", _ => runner)]);

        Assert.Same(runner, registry.Create("sandbox", Context));
    }

    [Fact]
    public async Task Without_target_the_commands_dispatch_to_the_sandbox_once_it_is_registered()
    {
        var runner = new InMemoryStackRunner();
        var registry = new StackRunnerRegistry([new StackRunnerFactory("sandbox", _ => runner)]);
        var project = ExampleProject.CopyToTemp();
        try
        {
            var stdout = new StringWriter();
            var global = new GlobalOptions();
            var root = new RootCommand { global.Project };
            root.Subcommands.Add(StackOperationCommand.Create(StackOperation.Destroy, global, new CommandOutput(stdout, stdout), registry, TimeProvider.System));
            root.Subcommands.Add(StackOperationCommand.Create(StackOperation.Up, global, new CommandOutput(stdout, stdout), registry, TimeProvider.System));

            var exit = await root.Parse(["destroy", "--project", project, "--stack", "cross-region"]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

            Assert.True(exit == 0, stdout.ToString());
            Assert.Equal([(StackOperation.Destroy, "cross-region")], runner.Calls);
            Assert.Contains("target 'sandbox'", stdout.ToString(), StringComparison.Ordinal);
            Assert.Equal("sandbox", RunStateStore.ForProject(project).Load()!.Stacks["cross-region"].Target);

            runner.PreflightError = new InvalidOperationException("port 5353 is in use; pass --dns-port");
            var failed = await Assert.ThrowsAsync<CommandFailedException>(() => root.Parse(["up", "--project", project]).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, TestContext.Current.CancellationToken));
            Assert.Equal("--target sandbox: not ready: port 5353 is in use; pass --dns-port", failed.Message);
            Assert.Single(runner.Calls);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }
}
