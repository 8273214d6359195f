using System.Net;
using System.Net.Sockets;

namespace MultiRegion.Health.Dns.Embedded;

/// <summary>Finds a port that is free for both UDP and TCP on an address.</summary>
public static class FreePort
{
    public static int ForUdpAndTcp(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var tcp = new TcpListener(address, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(address, port));
                return port;
            }
            catch (SocketException)
            {
                // taken for UDP: try another
            }
            finally
            {
                tcp.Stop();
            }
        }

        throw new InvalidOperationException($"no free UDP+TCP port on {address}");
    }

    public static int ForTcp(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        using var tcp = new TcpListener(address, 0);
        tcp.Start();
        var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
        tcp.Stop();
        return port;
    }
}
