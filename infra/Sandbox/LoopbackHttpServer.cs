using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// A deliberately small HTTP/1.1 server over a <see cref="TcpListener"/> on a loopback address: one request per
/// connection (<c>Connection: close</c>), request line and headers only (bodies are read and ignored). It can be
/// stopped (the port then refuses connections) and started again on the same port.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private const int MaxHeaderBytes = 16 * 1024;
    private readonly Func<LoopbackHttpRequest, LoopbackHttpResponse> handler;
    private readonly Lock gate = new();
    private TcpListener? listener;
    private CancellationTokenSource? stopping;
    private Task? acceptLoop;

    public LoopbackHttpServer(IPAddress address, Func<LoopbackHttpRequest, LoopbackHttpResponse> handler)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"the sandbox only binds loopback addresses, not {address}", nameof(address));
        }

        Address = address;
        this.handler = handler;
    }

    public IPAddress Address { get; }

    /// <summary>The bound port (0 until the first start).</summary>
    public int Port { get; private set; }

    public bool IsListening
    {
        get
        {
            lock (gate)
            {
                return listener is not null;
            }
        }
    }

    public Uri BaseUri => new(string.Create(CultureInfo.InvariantCulture, $"http://{Address}:{Port}/"));

    /// <summary>Starts listening: on a free port the first time, on the same port after a stop.</summary>
    public void Start()
    {
        lock (gate)
        {
            if (listener is not null)
            {
                return;
            }

            var tcp = new TcpListener(Address, Port);
            tcp.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            tcp.Start(512);
            Port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            listener = tcp;
            stopping = new CancellationTokenSource();
            var token = stopping.Token;
            acceptLoop = Task.Run(() => AcceptLoopAsync(tcp, token));
        }
    }

    /// <summary>Stops listening: new connections are refused until <see cref="Start"/>.</summary>
    public async Task StopAsync()
    {
        Task? loop;
        lock (gate)
        {
            if (listener is null)
            {
                return;
            }

            stopping!.Cancel();
            listener.Stop();
            listener.Dispose();
            listener = null;
            loop = acceptLoop;
            acceptLoop = null;
            stopping.Dispose();
            stopping = null;
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task AcceptLoopAsync(TcpListener tcp, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await tcp.AcceptTcpClientAsync(token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client, token), CancellationToken.None);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken token)
    {
        using (client)
        {
            client.NoDelay = true;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, timeout.Token).ConfigureAwait(false);
                var response = request is null
                    ? new LoopbackHttpResponse(400, "bad request\n")
                    : Handle(request);
                await WriteResponseAsync(stream, response, request?.Method == "HEAD", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // the client went away or the server is stopping: nothing to answer
            }
        }
    }

    private LoopbackHttpResponse Handle(LoopbackHttpRequest request)
    {
        try
        {
            return handler(request);
        }
#pragma warning disable CA1031 // A failing handler must become a 500, never kill the server.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new LoopbackHttpResponse(500, $"error: {ex.Message}\n");
        }
    }

    private static async Task<LoopbackHttpRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken token)
    {
        var buffer = new byte[MaxHeaderBytes];
        var length = 0;
        var end = -1;
        while (end < 0)
        {
            if (length == buffer.Length)
            {
                return null;
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length += read;
            end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
        }

        var head = Encoding.ASCII.GetString(buffer, 0, end);
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var body = string.Empty;
        if (headers.TryGetValue("Content-Length", out var lengthText) && int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var contentLength) && contentLength > 0)
        {
            if (contentLength > 64 * 1024)
            {
                return null;
            }

            var bodyBytes = new byte[contentLength];
            var already = Math.Min(length - (end + 4), contentLength);
            Array.Copy(buffer, end + 4, bodyBytes, 0, already);
            var offset = already;
            while (offset < contentLength)
            {
                var read = await stream.ReadAsync(bodyBytes.AsMemory(offset), token).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }

                offset += read;
            }

            body = Encoding.UTF8.GetString(bodyBytes);
        }

        var target = parts[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[(question + 1)..];
        return new LoopbackHttpRequest(parts[0].ToUpperInvariant(), Uri.UnescapeDataString(path), ParseQuery(query), body);
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            result[key] = value;
        }

        return result;
    }

    private static async Task WriteResponseAsync(NetworkStream stream, LoopbackHttpResponse response, bool headOnly, CancellationToken token)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {response.StatusCode} {Reason(response.StatusCode)}\r\nContent-Type: {response.ContentType}\r\nContent-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), token).ConfigureAwait(false);
        if (!headOnly)
        {
            await stream.WriteAsync(body, token).ConfigureAwait(false);
        }

        await stream.FlushAsync(token).ConfigureAwait(false);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
