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
    private readonly Lock stateGate = new();
    private readonly DateTimeOffset startedAt = DateTimeOffset.UtcNow;

    private SandboxSession(string projectDirectory, SandboxPaths paths, DeploymentSynthesizer synthesizer, HealthHistory history, SandboxHost host, bool ownsState)
    {
        ProjectDirectory = projectDirectory;
        Paths = paths;
        Synthesizer = synthesizer;
        History = history;
        Host = host;
        this.ownsState = ownsState;
        control = new SandboxControlServer(host, WriteState);
    }

    public string ProjectDirectory { get; }

    public SandboxPaths Paths { get; }

    public DeploymentSynthesizer Synthesizer { get; }

    public HealthHistory History { get; }

    public SandboxHost Host { get; }

    /// <summary>The deployment done at start (null when started with deploy: false).</summary>
    public SandboxDeployment? Deployment { get; private set; }

    public SandboxState? State { get; private set; }

    public Uri ControlUrl => control.Url;

    /// <summary>Cancelled when a client posts <c>/shutdown</c> to the control endpoint.</summary>
    public CancellationToken ShutdownRequested => control.ShutdownRequested;

    /// <summary>Deploys every stack, runs the post-deploy check, starts watching and the control endpoint.</summary>
    /// <param name="writeState">Record the sandbox in state.json so other processes find it (refused if one already runs).</param>
    public static Task<SandboxSession> StartAsync(string projectDirectory, SandboxSettings settings, TextWriter log, bool writeState, CancellationToken cancellationToken = default) =>
        StartCoreAsync(projectDirectory, settings, log, writeState, deploy: true, cancellationToken);

    /// <summary>Starts an empty sandbox (control endpoint and state.json only): another process deploys stacks into it.</summary>
    public static Task<SandboxSession> StartEmptyAsync(string projectDirectory, SandboxSettings settings, CancellationToken cancellationToken = default) =>
        StartCoreAsync(projectDirectory, settings, TextWriter.Null, writeState: true, deploy: false, cancellationToken);

    private static async Task<SandboxSession> StartCoreAsync(string projectDirectory, SandboxSettings settings, TextWriter log, bool writeState, bool deploy, CancellationToken cancellationToken)
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
        var session = new SandboxSession(directory, paths, synthesizer, history, host, writeState);
        try
        {
            if (deploy)
            {
                session.Deployment = await new SandboxDeployer(synthesizer, new SandboxStackRunner(host, synthesizer)).UpAsync(log, cancellationToken).ConfigureAwait(false);
            }

            session.control.Start();
            session.WriteState();
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Records the sandbox as it is now in state.json (after start and after every change through the control endpoint).</summary>
    public void WriteState()
    {
        if (!ownsState)
        {
            return;
        }

        lock (stateGate)
        {
            var status = Host.StatusAsync().GetAwaiter().GetResult();
            State = SandboxState.From(status, Environment.ProcessId, startedAt, ProjectDirectory, control.Url.ToString(), Paths.HistoryFile);
            State.Write(Paths.StateFile);
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
        await new SandboxDeployer(Synthesizer, new SandboxStackRunner(Host, Synthesizer)).DownAsync(log).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TextWriter.Null).ConfigureAwait(false);
        await Host.DisposeAsync().ConfigureAwait(false);
        History.Dispose();
    }
}
