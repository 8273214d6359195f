using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MultiRegion.Benchmarks;

/// <summary>
/// A minimal keep-alive HTTP/1.1 server answering every request with 200 "ok", on several loopback ports: the
/// probe benchmark's targets. It runs in its own process so it does not share the checker's thread pool.
/// </summary>
internal static class LoopbackHealthServer
{
    private static readonly byte[] Response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n");

    public static async Task RunAsync(int ports, TextWriter output, CancellationToken cancellationToken)
    {
        var listeners = Enumerable.Range(0, ports).Select(_ =>
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start(4096);
            return listener;
        }).ToArray();
        output.WriteLine(string.Join(',', listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)));
        output.Flush();
        await Task.WhenAll(listeners.Select(l => AcceptAsync(l, cancellationToken)));
    }

    private static async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            _ = ServeAsync(client, cancellationToken);
        }
    }

    private static async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var buffer = new byte[8192];
            var matched = 0;
            try
            {
                while (true)
                {
                    var read = await stream.ReadAsync(buffer, cancellationToken);
                    if (read == 0)
                    {
                        return;
                    }

                    // Count request ends ("\r\n\r\n"); GET requests have no body.
                    var requests = 0;
                    for (var i = 0; i < read; i++)
                    {
                        matched = buffer[i] == (matched is 0 or 2 ? (byte)'\r' : (byte)'\n') ? matched + 1 : buffer[i] == '\r' ? 1 : 0;
                        if (matched == 4)
                        {
                            requests++;
                            matched = 0;
                        }
                    }

                    for (var r = 0; r < requests; r++)
                    {
                        await stream.WriteAsync(Response, cancellationToken);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
            {
            }
        }
    }
}
