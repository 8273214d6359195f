namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// The sandbox as a background process (<c>sandbox serve --no-deploy</c>), so that what <c>up</c> deploys outlives the
/// command. The first deploy connects to the project's running sandbox (state.json) or starts an empty one; destroy
/// and refresh only connect (with no sandbox running there is nothing to destroy). Stacks are created in it through
/// its control endpoint; it ends itself once its last stack is destroyed.
/// </summary>
public sealed class BackgroundSandbox(string projectDirectory, SandboxSettings settings) : ISandboxStacks, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SandboxControlClient? client;

    /// <summary>The sandbox's state when it was connected to or started.</summary>
    public SandboxState? State { get; private set; }

    /// <summary>True when a sandbox was already running (its checker settings stay as they are).</summary>
    public bool WasRunning { get; private set; }

    public SandboxControlClient Client => client ?? throw new InvalidOperationException("no background sandbox connected yet");

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<string> DeployStackAsync(string stack, CancellationToken cancellationToken) =>
        await (await ConnectAsync(start: true, cancellationToken).ConfigureAwait(false))!.DeployStackAsync(stack, cancellationToken).ConfigureAwait(false);

    public async Task<string> DestroyStackAsync(string stack, CancellationToken cancellationToken) =>
        await ConnectAsync(start: false, cancellationToken).ConfigureAwait(false) is { } connected
            ? await connected.DestroyStackAsync(stack, cancellationToken).ConfigureAwait(false)
            : "nothing deployed (no sandbox is running)";

    public async Task<string> PostDeployCheckAsync(CancellationToken cancellationToken) =>
        await (await ConnectAsync(start: true, cancellationToken).ConfigureAwait(false))!.PostDeployCheckAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<string>> DeployedStacksAsync(CancellationToken cancellationToken) =>
        await ConnectAsync(start: false, cancellationToken).ConfigureAwait(false) is { } connected
            ? await connected.DeployedStacksAsync(cancellationToken).ConfigureAwait(false)
            : [];

    public void Dispose()
    {
        client?.Dispose();
        gate.Dispose();
    }

    /// <summary>The running sandbox's client; starts one when <paramref name="start"/> and none runs, else null.</summary>
    public async Task<SandboxControlClient?> ConnectAsync(bool start, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (client is not null)
            {
                return client;
            }

            var paths = SandboxPaths.ForProject(projectDirectory);
            var state = SandboxState.TryRead(paths.StateFile);
            WasRunning = state is not null && state.ProcessIsAlive();
            if (!WasRunning)
            {
                if (!start)
                {
                    return null;
                }

                state = await SandboxLauncher.StartInBackgroundAsync(projectDirectory, [.. settings.ToServeArguments(), "--no-deploy"], TimeSpan.FromSeconds(90), cancellationToken).ConfigureAwait(false);
            }

            State = state;
            client = new SandboxControlClient(new Uri(state!.ControlUrl));
            return client;
        }
        finally
        {
            gate.Release();
        }
    }
}
