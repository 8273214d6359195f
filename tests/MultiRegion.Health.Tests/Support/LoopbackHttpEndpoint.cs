using System.Net;
using MultiRegion.Health.Dns.Embedded;

namespace MultiRegion.Health.Tests.Support;

/// <summary>A real HTTP health endpoint on 127.0.0.1 (free port) whose status code the test switches.</summary>
internal sealed class LoopbackHttpEndpoint : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public LoopbackHttpEndpoint()
    {
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort.ForTcp(IPAddress.Loopback);
            listener.Prefixes.Clear();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri HealthUrl => new($"http://127.0.0.1:{Port}/healthz");

    public int StatusCode { get; set; } = 200;

    public int Requests;

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref Requests);
            context.Response.StatusCode = StatusCode;
            var body = "ok"u8.ToArray();
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }

        stop.Dispose();
    }
}
