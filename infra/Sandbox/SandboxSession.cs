using MultiRegion.Components.Configuration;
using MultiRegion.Components.Stacks;
using MultiRegion.Health.History;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Example;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// A running sandbox in this process: deployed in plan order, post-deploy check done, the checker watching, the
/// control endpoint listening and (optionally) state.json written. Disposing it destroys the stacks in reverse order
/// and removes state.json. <c>sandbox serve</c>, <c>demo</c>, drills without a running sandbox, tests and the benchmark
/// all use it.
/// </summary>
public sealed class SandboxSession : IAsyncDisposable
{
    private readonly bool ownsState;
    private readonly SandboxControlServer control;

    private SandboxSession(string projectDirectory, SandboxPaths paths, DeploymentSynthesizer synthesizer, HealthHistory history, SandboxHost host, SandboxControlServer control, bool ownsState)
    {
        ProjectDirectory = projectDirectory;
        Paths = paths;
        Synthesizer = synthesizer;
        History = history;
        Host = host;
        this.control = control;
        this.ownsState = ownsState;
    }

    public string ProjectDirectory { get; }

    public SandboxPaths Paths { get; }

    public DeploymentSynthesizer Synthesizer { get; }

    public HealthHistory History { get; }

    public SandboxHost Host { get; }

    public SandboxDeployment Deployment { get; private set; } = null!;

    public SandboxState? State { get; private set; }

    public Uri ControlUrl => control.Url;

    /// <summary>Cancelled when a client posts <c>/shutdown</c> to the control endpoint.</summary>
    public CancellationToken ShutdownRequested => control.ShutdownRequested;

    /// <summary>Deploys every stack, runs the post-deploy check, starts watching and the control endpoint.</summary>
    /// <param name="writeState">Record the sandbox in state.json so other processes find it (refused if one already runs).</param>
    public static async Task<SandboxSession> StartAsync(string projectDirectory, SandboxSettings settings, TextWriter log, bool writeState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var directory = Path.GetFullPath(projectDirectory);
        var paths = SandboxPaths.ForProject(directory);
        if (writeState && SandboxState.TryRead(paths.StateFile) is { } existing && existing.ProcessIsAlive() && existing.Pid != Environment.ProcessId)
        {
            throw new CommandFailedException($"a sandbox is already running for this project (pid {existing.Pid}, control {existing.ControlUrl}); stop it with 'multiregion sandbox down'");
        }

        var project = ProjectLoader.LoadDirectory(directory);
        var synthesizer = Platforms.SynthesizerFor(project);
        Directory.CreateDirectory(paths.Directory);
        var history = HealthHistory.Open(paths.HistoryFile);
        var host = new SandboxHost(project, settings, history);
        var control = new SandboxControlServer(host);
        var session = new SandboxSession(directory, paths, synthesizer, history, host, control, writeState);
        try
        {
            session.Deployment = await new SandboxDeployer(synthesizer, host).UpAsync(log, cancellationToken).ConfigureAwait(false);
            host.StartWatching();
            control.Start();
            if (writeState)
            {
                var status = await host.StatusAsync(cancellationToken).ConfigureAwait(false);
                session.State = SandboxState.From(status, Environment.ProcessId, DateTimeOffset.UtcNow, directory, control.Url.ToString(), paths.HistoryFile);
                session.State.Write(paths.StateFile);
            }

            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Destroys the stacks in reverse plan order and removes state.json.</summary>
    public async Task StopAsync(TextWriter log)
    {
        if (ownsState && SandboxState.TryRead(Paths.StateFile) is { } state && state.Pid == Environment.ProcessId && state.ControlUrl == control.Url.ToString())
        {
            File.Delete(Paths.StateFile);
        }

        await control.DisposeAsync().ConfigureAwait(false);
        await Host.StopWatchingAsync().ConfigureAwait(false);
        await new SandboxDeployer(Synthesizer, Host).DownAsync(log).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TextWriter.Null).ConfigureAwait(false);
        await Host.DisposeAsync().ConfigureAwait(false);
        History.Dispose();
    }
}
