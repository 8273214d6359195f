using System.Net;
using System.Text.Json;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// The running sandbox's control channel, a loopback HTTP endpoint recorded in state.json:
/// <c>GET /status</c> (JSON), <c>GET /metrics</c> (Prometheus text), <c>GET /events?after=N</c> (JSON), <c>POST /regions/{id}/fail?mode=503|stop</c>,
/// <c>POST /regions/{id}/restore</c>, <c>POST /shutdown</c>; and for a deployment driven from another process
/// (<see cref="BackgroundSandbox"/>): <c>POST /stacks/{stack}/up</c>, <c>POST /stacks/{stack}/destroy</c>,
/// <c>POST /check</c>. The drill scripts reach the sandbox through it. Destroying the last stack ends the sandbox.
/// </summary>
internal sealed class SandboxControlServer : IAsyncDisposable
{
    private readonly SandboxHost host;
    private readonly LoopbackHttpServer server;
    private readonly CancellationTokenSource shutdown = new();

    private readonly Action? changed;

    public SandboxControlServer(SandboxHost host, Action? changed = null)
    {
        this.host = host;
        this.changed = changed;
        server = new LoopbackHttpServer(IPAddress.Loopback, Handle);
    }

    public Uri Url => server.BaseUri;

    /// <summary>Cancelled when a client asks the sandbox to shut down.</summary>
    public CancellationToken ShutdownRequested => shutdown.Token;

    public void Start() => server.Start();

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync().ConfigureAwait(false);
        shutdown.Dispose();
    }

    private LoopbackHttpResponse Handle(LoopbackHttpRequest request)
    {
        var segments = request.Path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (request.Method, segments)
        {
            case ("GET", ["status"]):
                return JsonResponse(host.StatusAsync().GetAwaiter().GetResult());
            case ("GET", ["metrics"]):
                return new LoopbackHttpResponse(200, host.Metrics.Render(host.Checker?.Snapshot), "text/plain; version=0.0.4; charset=utf-8");
            case ("GET", ["events"]):
                var after = request.Query.TryGetValue("after", out var text) && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
                return JsonResponse(host.Events.After(after));
            case ("POST", ["regions", var region, "fail"]):
            {
                if (!TryParseMode(request.Query.GetValueOrDefault("mode", "503"), out var mode))
                {
                    return new LoopbackHttpResponse(400, "mode must be 503 or stop\n");
                }

                if (host.Endpoints.All(e => !string.Equals(e.RegionId, region, StringComparison.OrdinalIgnoreCase)))
                {
                    return new LoopbackHttpResponse(404, $"no region '{region}' in the sandbox\n");
                }

                host.FailAsync(Canonical(region), mode).GetAwaiter().GetResult();
                return new LoopbackHttpResponse(200, $"{Canonical(region)}: failing ({(mode == EndpointFailureMode.Stop ? "stopped" : "503")})\n");
            }

            case ("POST", ["regions", var region, "restore"]):
                if (host.Endpoints.All(e => !string.Equals(e.RegionId, region, StringComparison.OrdinalIgnoreCase)))
                {
                    return new LoopbackHttpResponse(404, $"no region '{region}' in the sandbox\n");
                }

                host.RestoreAsync(Canonical(region)).GetAwaiter().GetResult();
                return new LoopbackHttpResponse(200, $"{Canonical(region)}: serving\n");
            case ("POST", ["stacks", var stack, "up"]):
            {
                if (!host.Project.StackNamesInDeclarationOrder.Contains(stack, StringComparer.Ordinal))
                {
                    return new LoopbackHttpResponse(404, $"no stack '{stack}' in this project\n");
                }

                var summary = host.DeployStackAsync(stack).GetAwaiter().GetResult();
                changed?.Invoke();
                return new LoopbackHttpResponse(200, summary);
            }

            case ("POST", ["stacks", var stack, "destroy"]):
            {
                var summary = host.DestroyStackAsync(stack).GetAwaiter().GetResult();
                changed?.Invoke();
                if (host.DeployedStacks.Count == 0)
                {
                    shutdown.Cancel();
                    summary += "; nothing left deployed: the sandbox stops";
                }

                return new LoopbackHttpResponse(200, summary);
            }

            case ("POST", ["check"]):
            {
                var summary = host.PostDeployCheckAsync().GetAwaiter().GetResult();
                changed?.Invoke();
                return new LoopbackHttpResponse(200, summary);
            }

            case ("POST", ["shutdown"]):
                shutdown.Cancel();
                return new LoopbackHttpResponse(202, "shutting down\n");
            default:
                return new LoopbackHttpResponse(404, "endpoints: GET /status, GET /metrics, GET /events?after=N, POST /regions/{id}/fail?mode=503|stop, POST /regions/{id}/restore, POST /stacks/{stack}/up|destroy, POST /check, POST /shutdown\n");
        }
    }

    private string Canonical(string region) => host.Endpoints.First(e => string.Equals(e.RegionId, region, StringComparison.OrdinalIgnoreCase)).RegionId;

    internal static bool TryParseMode(string? text, out EndpointFailureMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "503" or "http503" or "fail":
                mode = EndpointFailureMode.Http503;
                return true;
            case "stop" or "stopped":
                mode = EndpointFailureMode.Stop;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    private static LoopbackHttpResponse JsonResponse<T>(T value) =>
        new(200, JsonSerializer.Serialize(value, SandboxState.JsonOptions), "application/json");
}
