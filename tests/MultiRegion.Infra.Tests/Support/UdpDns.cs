using System.Net;
using MultiRegion.Infra.Drills;

namespace MultiRegion.Infra.Tests.Support;

/// <summary>A real DNS query over UDP (what dig does) to the sandbox's server.</summary>
internal static class UdpDns
{
    public static async Task<DnsAnswer> AskAsync(string host, int port, string name)
    {
        using var reader = new DnsAnswerReader(new IPEndPoint(IPAddress.Parse(host), port), name, TimeSpan.FromSeconds(2));
        return await reader.ReadAsync();
    }
}
