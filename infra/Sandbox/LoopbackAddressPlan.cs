using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// Which loopback address each region's stand-in load balancer binds, and what the service record points to.
/// On Linux all of 127.0.0.0/8 is loopback, so region <c>i</c> (in topology order) gets <c>127.0.0.(2+i)</c> and the
/// service record is an A record of that address: the DNS answer alone names the region. Where only 127.0.0.1 exists
/// (macOS without aliases) every region binds 127.0.0.1 on its own port and the service record is a CNAME to
/// <c>&lt;region&gt;.sandbox.&lt;domain&gt;.</c> (itself an A record of 127.0.0.1): the CNAME target names the region.
/// </summary>
public sealed class LoopbackAddressPlan
{
    private LoopbackAddressPlan(bool distinct) => DistinctAddresses = distinct;

    /// <summary>True when each region has its own loopback address (A records); false for the CNAME fallback.</summary>
    public bool DistinctAddresses { get; }

    /// <summary>Probes whether 127.0.0.2 can be bound; <paramref name="forceShared"/> selects the fallback anyway.</summary>
    public static LoopbackAddressPlan Detect(bool forceShared = false) => new(!forceShared && CanBind(IPAddress.Parse("127.0.0.2")));

    public IPAddress AddressFor(int regionIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(regionIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(regionIndex, 250);
        return DistinctAddresses ? IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"127.0.0.{2 + regionIndex}")) : IPAddress.Loopback;
    }

    /// <summary>The per-region host name the regional stack publishes: <c>us-east-1.sandbox.example.com.</c></summary>
    public static string HostNameFor(string regionId, string domain) => $"{regionId}.sandbox.{domain.TrimEnd('.')}.".ToLowerInvariant();

    /// <summary>The value the service record carries for a region: its address, or its host name (CNAME fallback).</summary>
    public string TargetFor(string regionId, string domain, IPAddress address) =>
        DistinctAddresses ? address.ToString() : HostNameFor(regionId, domain);

    private static bool CanBind(IPAddress address)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
