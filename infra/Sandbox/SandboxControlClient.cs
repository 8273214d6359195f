using System.Globalization;
using System.Net.Http.Json;
using MultiRegion.Infra.Cli;

namespace MultiRegion.Infra.Sandbox;

/// <summary>Talks to a running sandbox (another process) through its loopback control endpoint.</summary>
public sealed class SandboxControlClient : ISandboxControl, ISandboxStacks, IDisposable
{
    private readonly HttpClient http;

    public SandboxControlClient(Uri controlUrl)
    {
        ArgumentNullException.ThrowIfNull(controlUrl);
        if (!controlUrl.IsLoopback)
        {
            throw new CommandFailedException($"the sandbox control endpoint must be on loopback, not {controlUrl}");
        }

        http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = controlUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Connects to the sandbox recorded in a project's state.json; fails with a clear message when none runs.</summary>
    public static (SandboxControlClient Client, SandboxState State) ForProject(string projectDirectory)
    {
        var paths = SandboxPaths.ForProject(projectDirectory);
        var state = SandboxState.TryRead(paths.StateFile)
            ?? throw new CommandFailedException($"no sandbox is running for this project (no {paths.StateFile}); start one with 'multiregion sandbox up' or 'multiregion sandbox serve'");
        if (!state.ProcessIsAlive())
        {
            throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture, $"the sandbox recorded in {paths.StateFile} (pid {state.Pid}) is not running; start one with 'multiregion sandbox up'"));
        }

        return (new SandboxControlClient(new Uri(state.ControlUrl)), state);
    }

    public async Task<SandboxStatus> StatusAsync(CancellationToken cancellationToken = default) =>
        await GetAsync<SandboxStatus>("status", cancellationToken).ConfigureAwait(false);

    public async Task FailAsync(string regionId, EndpointFailureMode mode, CancellationToken cancellationToken = default) =>
        await PostAsync($"regions/{Uri.EscapeDataString(regionId)}/fail?mode={(mode == EndpointFailureMode.Stop ? "stop" : "503")}", cancellationToken).ConfigureAwait(false);

    public async Task RestoreAsync(string regionId, CancellationToken cancellationToken = default) =>
        await PostAsync($"regions/{Uri.EscapeDataString(regionId)}/restore", cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<SandboxEvent>> EventsAfterAsync(long sequence, CancellationToken cancellationToken = default) =>
        await GetAsync<List<SandboxEvent>>(string.Create(CultureInfo.InvariantCulture, $"events?after={sequence}"), cancellationToken).ConfigureAwait(false);

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<string> DeployStackAsync(string stack, CancellationToken cancellationToken) =>
        await PostAsync($"stacks/{Uri.EscapeDataString(stack)}/up", cancellationToken).ConfigureAwait(false);

    public async Task<string> DestroyStackAsync(string stack, CancellationToken cancellationToken) =>
        await PostAsync($"stacks/{Uri.EscapeDataString(stack)}/destroy", cancellationToken).ConfigureAwait(false);

    public async Task<string> PostDeployCheckAsync(CancellationToken cancellationToken) =>
        await PostAsync("check", cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<string>> DeployedStacksAsync(CancellationToken cancellationToken) =>
        (await StatusAsync(cancellationToken).ConfigureAwait(false)).DeployedStacks;

    public async Task ShutdownAsync(CancellationToken cancellationToken = default) =>
        await PostAsync("shutdown", cancellationToken).ConfigureAwait(false);

    public void Dispose() => http.Dispose();

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetFromJsonAsync<T>(path, SandboxState.JsonOptions, cancellationToken).ConfigureAwait(false)
                ?? throw new CommandFailedException($"the sandbox control endpoint returned nothing for {path}");
        }
        catch (HttpRequestException ex)
        {
            throw new CommandFailedException($"cannot reach the sandbox at {http.BaseAddress}: {ex.Message}");
        }
    }

    private async Task<string> PostAsync(string path, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using var empty = new StringContent(string.Empty);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            response = await http.PostAsync(path, empty, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CommandFailedException($"cannot reach the sandbox at {http.BaseAddress}: {ex.Message}");
        }

        using (response)
        {
            var body = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
            if (!response.IsSuccessStatusCode)
            {
                throw new CommandFailedException($"sandbox: {body}", (int)response.StatusCode is 400 or 404 ? ExitCodes.Usage : ExitCodes.Failure);
            }

            return body;
        }
    }
}
