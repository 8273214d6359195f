using System.Net;
using System.Net.Sockets;

namespace MultiRegion.Components.Networking;

/// <summary>Strict parsing of IPv4 CIDR blocks: a prefix is required and host bits must be zero.</summary>
public static class Cidr
{
    public static bool TryParse(string text, out IPNetwork2 network)
    {
        network = null!;
        if (string.IsNullOrWhiteSpace(text) || !text.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || !byte.TryParse(parts[1], out var prefix) || prefix > 32 || parts[0].Count(c => c == '.') != 3)
        {
            return false;
        }

        if (!IPNetwork2.TryParse(text, out var parsed) || !parsed.Network.Equals(address))
        {
            return false;
        }

        network = parsed;
        return true;
    }

    public static bool Overlap(string a, string b) =>
        TryParse(a, out var x) && TryParse(b, out var y) && x.Overlap(y);
}
