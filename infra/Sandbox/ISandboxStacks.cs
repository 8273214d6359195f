namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// Where the sandbox target creates a stack's stand-ins: a <see cref="SandboxHost"/> in this process, or a sandbox
/// running in the background reached through its control endpoint (<see cref="BackgroundSandbox"/>), so that
/// <c>up --target sandbox</c> leaves a sandbox running after the command returns.
/// </summary>
public interface ISandboxStacks
{
    /// <summary>Makes sure there is a sandbox to deploy into (a background one is started if none runs).</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Creates the stack's stand-ins; returns a one-line summary.</summary>
    Task<string> DeployStackAsync(string stack, CancellationToken cancellationToken);

    /// <summary>Removes the stack's stand-ins; returns a one-line summary.</summary>
    Task<string> DestroyStackAsync(string stack, CancellationToken cancellationToken);

    /// <summary>The post-deploy health check (one checker cycle, which sets the failover records), then watch mode.</summary>
    Task<string> PostDeployCheckAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> DeployedStacksAsync(CancellationToken cancellationToken);
}
