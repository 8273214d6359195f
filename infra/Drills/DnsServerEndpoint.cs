using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MultiRegion.Infra.Cli;

namespace MultiRegion.Infra.Drills;

/// <summary>Parses <c>HOST:PORT</c> (or <c>HOST</c>, port 53; <c>[v6]:PORT</c>) into the DNS server to query.</summary>
public static class DnsServerEndpoint
{
    public static IPEndPoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        string host;
        var port = 53;
        if (trimmed.StartsWith('['))
        {
            var close = trimmed.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Bad(text, "missing ']'");
            }

            host = trimmed[1..close];
            if (close + 1 < trimmed.Length)
            {
                if (trimmed[close + 1] != ':' || !TryPort(trimmed[(close + 2)..], out port))
                {
                    throw Bad(text, "the port must be a number from 1 to 65535");
                }
            }
        }
        else if (trimmed.Count(c => c == ':') == 1)
        {
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            host = trimmed[..colon];
            if (!TryPort(trimmed[(colon + 1)..], out port))
            {
                throw Bad(text, "the port must be a number from 1 to 65535");
            }
        }
        else
        {
            host = trimmed;
        }

        if (string.IsNullOrEmpty(host))
        {
            throw Bad(text, "the host is empty");
        }

        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        try
        {
            var resolved = Dns.GetHostAddresses(host).OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault()
                ?? throw Bad(text, "the host name has no address");
            return new IPEndPoint(resolved, port);
        }
        catch (SocketException ex)
        {
            throw Bad(text, $"cannot resolve the host: {ex.Message}");
        }
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;

    private static CommandFailedException Bad(string text, string why) =>
        new($"--dns-server: '{text}' is not HOST:PORT ({why})", ExitCodes.Usage);
}
