namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// The sandbox as a background process (<c>sandbox serve --no-deploy</c>), so that what <c>up</c> deploys outlives the
/// command: on prepare it connects to the project's running sandbox (state.json), or starts an empty one; stacks are
/// then created in it through its control endpoint.
/// </summary>
public sealed class BackgroundSandbox(string projectDirectory, SandboxSettings settings) : ISandboxStacks, IDisposable
{
    private SandboxControlClient? client;

    /// <summary>The sandbox's state when prepare connected to it or started it.</summary>
    public SandboxState? State { get; private set; }

    /// <summary>True when prepare found a sandbox already running (its checker settings stay as they are).</summary>
    public bool WasRunning { get; private set; }

    public SandboxControlClient Client => client ?? throw new InvalidOperationException("call PrepareAsync first");

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (client is not null)
        {
            return;
        }

        var paths = SandboxPaths.ForProject(projectDirectory);
        var state = SandboxState.TryRead(paths.StateFile);
        WasRunning = state is not null && state.ProcessIsAlive();
        if (!WasRunning)
        {
            state = await SandboxLauncher.StartInBackgroundAsync(projectDirectory, [.. settings.ToServeArguments(), "--no-deploy"], TimeSpan.FromSeconds(90), cancellationToken).ConfigureAwait(false);
        }

        State = state;
        client = new SandboxControlClient(new Uri(state!.ControlUrl));
    }

    public Task<string> DeployStackAsync(string stack, CancellationToken cancellationToken) => Client.DeployStackAsync(stack, cancellationToken);

    public Task<string> DestroyStackAsync(string stack, CancellationToken cancellationToken) => Client.DestroyStackAsync(stack, cancellationToken);

    public Task<string> PostDeployCheckAsync(CancellationToken cancellationToken) => Client.PostDeployCheckAsync(cancellationToken);

    public Task<IReadOnlyList<string>> DeployedStacksAsync(CancellationToken cancellationToken) => Client.DeployedStacksAsync(cancellationToken);

    public void Dispose() => client?.Dispose();
}
