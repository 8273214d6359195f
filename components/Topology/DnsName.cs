using System.Text.RegularExpressions;

namespace MultiRegion.Components.Topology;

/// <summary>Syntax of DNS names and labels (RFC 1035 host names).</summary>
public static partial class DnsName
{
    public static bool IsValidLabel(string label) => label.Length is > 0 and <= 63 && Label().IsMatch(label);

    public static bool IsValid(string name)
    {
        var trimmed = name.TrimEnd('.');
        return trimmed.Length is > 0 and <= 253 && trimmed.Contains('.', StringComparison.Ordinal) && trimmed.Split('.').All(IsValidLabel);
    }

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$")]
    private static partial Regex Label();
}
