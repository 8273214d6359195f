using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MultiRegion.Health.Dns.Embedded;

namespace MultiRegion.Health.Observability;

/// <summary>
/// Tiny HTTP server on a loopback port: <c>/status</c> (JSON: regions, health, last probe, latency, active answer)
/// and <c>/metrics</c> (Prometheus text).
/// </summary>
public sealed class StatusServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly HttpListener listener;
    private readonly Func<CheckerSnapshot> snapshot;
    private readonly HealthMetrics metrics;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private StatusServer(HttpListener listener, int port, Func<CheckerSnapshot> snapshot, HealthMetrics metrics)
    {
        this.listener = listener;
        this.snapshot = snapshot;
        this.metrics = metrics;
        Port = port;
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts serving the checker's state on 127.0.0.1:<paramref name="port"/> (0 = a free port).</summary>
    public static StatusServer Start(HealthChecker checker, HealthMetrics metrics, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(checker);
        return Start(() => checker.Snapshot, metrics, port);
    }

    public static StatusServer Start(Func<CheckerSnapshot> snapshot, HealthMetrics metrics, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(metrics);
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port == 0 ? FreePort.ForTcp(IPAddress.Loopback) : port;
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{chosen}/");
            try
            {
                listener.Start();
                return new StatusServer(listener, chosen, snapshot, metrics);
            }
            catch (HttpListenerException) when (port == 0 && attempt < 5)
            {
                listener.Close();
            }
            catch (HttpListenerException ex)
            {
                listener.Close();
                throw new HealthConfigurationException($"status port: {chosen} cannot be used: {ex.Message}", ex);
            }
        }
    }

    /// <summary>The /status document.</summary>
    public static string StatusJson(CheckerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var document = new
        {
            service = snapshot.Service,
            activeRegions = snapshot.ActiveRegions,
            answer = snapshot.Answer.Select(r => new { name = r.Name, type = r.Type.ToString(), ttl = r.Ttl, values = r.Values, setIdentifier = r.SetIdentifier, weight = r.Weight, geo = r.GeoLocation }),
            decision = snapshot.LastDecision is { } d ? new { reason = d.Reason, failOpen = d.FailOpen, activeRegions = d.ActiveRegions } : null,
            regions = snapshot.Regions.Select(r =>
            {
                snapshot.LastProbes.TryGetValue(r.RegionId, out var probe);
                return new
                {
                    region = r.RegionId,
                    health = r.Health,
                    drained = r.Drained,
                    enabled = r.Endpoint.Enabled,
                    priority = r.Endpoint.Priority,
                    target = r.Endpoint.Target,
                    lastProbe = probe is null ? null : new { success = probe.Success, statusCode = probe.StatusCode, latencyMs = Math.Round(probe.Latency.TotalMilliseconds, 1), error = probe.Error, at = probe.Timestamp },
                };
            }),
            dnsChanges = snapshot.DnsChanges,
            failovers = snapshot.Failovers,
            lastError = snapshot.LastError,
            scheduleLagMs = snapshot.LastTick is { } t ? new { p50 = t.Lag.P50.TotalMilliseconds, p99 = t.Lag.P99.TotalMilliseconds, max = t.Lag.Max.TotalMilliseconds } : null,
        };
        return JsonSerializer.Serialize(document, Json);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        listener.Close();
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                var (status, type, body) = context.Request.Url?.AbsolutePath switch
                {
                    "/status" => (200, "application/json; charset=utf-8", StatusJson(snapshot())),
                    "/metrics" => (200, "text/plain; version=0.0.4; charset=utf-8", metrics.Render(snapshot())),
                    "/healthz" => (200, "text/plain; charset=utf-8", "ok\n"),
                    _ => (404, "text/plain; charset=utf-8", "not found: try /status or /metrics\n"),
                };
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                context.Response.ContentType = type;
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes, stop.Token).ConfigureAwait(false);
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                context.Response.Abort();
            }
        }
    }
}
