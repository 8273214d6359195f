namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// What drills, <c>verify</c> and the scripts need from a sandbox: its status and events, and the failure switch.
/// Implemented in-process by <see cref="SandboxHost"/> and across processes by <see cref="SandboxControlClient"/>.
/// </summary>
public interface ISandboxControl
{
    Task<SandboxStatus> StatusAsync(CancellationToken cancellationToken = default);

    Task FailAsync(string regionId, EndpointFailureMode mode, CancellationToken cancellationToken = default);

    Task RestoreAsync(string regionId, CancellationToken cancellationToken = default);

    /// <summary>Events with a sequence number above <paramref name="sequence"/>, oldest first.</summary>
    Task<IReadOnlyList<SandboxEvent>> EventsAfterAsync(long sequence, CancellationToken cancellationToken = default);
}
