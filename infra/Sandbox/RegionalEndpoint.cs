using System.Globalization;
using System.Net;
using MultiRegion.Components.Topology;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// A regional stack's stand-in load balancer: a loopback HTTP server. <c>GET /healthz</c> answers 200 "ok" (503 while
/// failing); <c>GET /</c> is an identity page naming the region. A drill switches it to fail or stops it.
/// </summary>
public sealed class RegionalEndpoint : IAsyncDisposable
{
    private readonly LoopbackHttpServer server;
    private volatile bool failing;
    private long requests;

    internal RegionalEndpoint(Region region, IPAddress address, string target, string hostName)
    {
        Region = region;
        Target = target;
        HostName = hostName;
        server = new LoopbackHttpServer(address, Handle);
    }

    public Region Region { get; }

    public string RegionId => Region.Id;

    public IPAddress Address => server.Address;

    public int Port => server.Port;

    /// <summary>The service record's value for this region (address or host name).</summary>
    public string Target { get; }

    /// <summary>The region's own DNS name in the sandbox zone.</summary>
    public string HostName { get; }

    public Uri Url => server.BaseUri;

    public Uri HealthUrl => new(server.BaseUri, "healthz");

    public long Requests => Interlocked.Read(ref requests);

    public EndpointCondition Condition => !server.IsListening ? EndpointCondition.Stopped : failing ? EndpointCondition.Failing : EndpointCondition.Serving;

    public void Start() => server.Start();

    public async Task FailAsync(EndpointFailureMode mode)
    {
        if (mode == EndpointFailureMode.Stop)
        {
            await server.StopAsync().ConfigureAwait(false);
        }
        else
        {
            failing = true;
            server.Start();
        }
    }

    public void Restore()
    {
        failing = false;
        server.Start();
    }

    public Task StopAsync() => server.StopAsync();

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private LoopbackHttpResponse Handle(LoopbackHttpRequest request)
    {
        Interlocked.Increment(ref requests);
        if (request.Method is not ("GET" or "HEAD"))
        {
            return new LoopbackHttpResponse(405, "only GET\n");
        }

        return request.Path switch
        {
            "/healthz" => failing ? new LoopbackHttpResponse(503, "failing (drill)\n") : new LoopbackHttpResponse(200, "ok"),
            "/" => new LoopbackHttpResponse(failing ? 503 : 200, IdentityPage(), "text/html; charset=utf-8"),
            _ => new LoopbackHttpResponse(404, "not found\n"),
        };
    }

    private string IdentityPage() => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        <!doctype html>
        <html><head><title>{RegionId} (sandbox)</title></head>
        <body>
        <h1>{RegionId}</h1>
        <p>MultiRegion sandbox: stand-in load balancer of region <b>{RegionId}</b> ({Region.Role.ToString().ToLowerInvariant()}, priority {Region.Priority}, {Region.Cloud.ToString().ToLowerInvariant()} {Region.CloudRegion}).</p>
        <p>Listening on {Address}:{Port}; DNS name {HostName}; status {(failing ? "failing (503)" : "serving")}.</p>
        </body></html>

        """);
}
