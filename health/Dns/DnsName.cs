using System.Globalization;

namespace MultiRegion.Health.Dns;

/// <summary>Helpers for fully qualified, lower-case DNS names with a trailing dot.</summary>
public static class DnsName
{
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim().ToLowerInvariant();
        return trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }

    public static bool IsValid(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var trimmed = name.Trim().TrimEnd('.');
        if (trimmed.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var label in trimmed.Split('.'))
        {
            if (label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-'))
            {
                return false;
            }

            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '*'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Equal(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    /// <summary>True when <paramref name="name"/> is the zone apex or below it.</summary>
    public static bool IsInZone(string name, string zone)
    {
        var n = Normalize(name);
        var z = Normalize(zone);
        return n == z || n.EndsWith("." + z, StringComparison.Ordinal) || z == ".";
    }

    /// <summary>Name of the ownership TXT record that guards <paramref name="name"/>.</summary>
    public static string OwnershipName(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{OwnershipMarker.Prefix}.{Normalize(name)}");
}
