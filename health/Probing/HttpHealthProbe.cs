using System.Diagnostics;
using System.Net.Security;
using MultiRegion.Health.Endpoints;

namespace MultiRegion.Health.Probing;

/// <summary>
/// HTTP(S) GET probe over one shared pooled <see cref="HttpClient"/>: success = 2xx (and the expected body text
/// when configured) within the per-probe timeout.
/// </summary>
public sealed class HttpHealthProbe : IHealthProbe, IDisposable
{
    private readonly HttpClient client;
    private readonly bool ownsClient;
    private readonly HealthCheckOptions options;
    private readonly TimeProvider time;

    /// <summary>Creates a probe with its own pooled handler (TLS verified unless <see cref="HealthCheckOptions.VerifyTls"/> is false).</summary>
    public HttpHealthProbe(HealthCheckOptions options, TimeProvider? timeProvider = null)
        : this(new HttpClient(CreateHandler(options?.VerifyTls ?? true), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }, options!, timeProvider)
    {
        ownsClient = true;
    }

    /// <summary>Creates a probe over a caller-owned client (tests, shared handlers).</summary>
    public HttpHealthProbe(HttpClient client, HealthCheckOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        this.client = client;
        this.options = options.EnsureValid();
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>A pooled handler suitable for thousands of endpoints.</summary>
    public static SocketsHttpHandler CreateHandler(bool verifyTls)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 4096,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
        };
        if (!verifyTls)
        {
#pragma warning disable CA5359 // Explicit opt-out (VerifyTls=false) for self-signed sandbox endpoints.
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = static (_, _, _, _) => true };
#pragma warning restore CA5359
        }

        return handler;
    }

    public async Task<ProbeResult> ProbeAsync(RegionEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var started = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.HealthUrl);
            request.Headers.UserAgent.ParseAdd("multiregion-health/1.0");
            var completion = options.ExpectedBodyContains is null ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
            using var response = await client.SendAsync(request, completion, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            string? error = null;
            var success = status is >= 200 and < 300;
            if (!success)
            {
                error = $"HTTP {status}";
            }
            else if (options.ExpectedBodyContains is { } expected)
            {
                var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                if (!body.Contains(expected, StringComparison.Ordinal))
                {
                    success = false;
                    error = $"body does not contain '{expected}'";
                }
            }

            return new ProbeResult(endpoint.RegionId, success, status, stopwatch.Elapsed, error, started);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(endpoint.RegionId, false, null, stopwatch.Elapsed, $"timeout after {options.Timeout.TotalMilliseconds:0} ms", started);
        }
        catch (HttpRequestException ex)
        {
            return new ProbeResult(endpoint.RegionId, false, null, stopwatch.Elapsed, ex.HttpRequestError + ": " + ex.Message, started);
        }
    }

    public void Dispose()
    {
        if (ownsClient)
        {
            client.Dispose();
        }
    }
}
