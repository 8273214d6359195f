using System.Security.Cryptography;
using System.Text;

namespace MultiRegion.Components.Azure;

/// <summary>
/// Names of Azure resources. Storage accounts (3–24 lower-case letters and digits), SQL servers, failover groups and
/// Traffic Manager profiles are globally unique DNS names, so they get a short stable hash of the deployment's domain
/// and the scope; everything else is <c>{prefix}-{part}</c>.
/// </summary>
public static class AzureNames
{
    public static string Of(string prefix, string part) => Clean($"{prefix}-{part}", 80);

    /// <summary>A globally unique DNS-style name: <c>{prefix}-{part}-{hash6}</c>, lower-case, at most 63 characters.</summary>
    public static string Unique(string prefix, string part, string seed) =>
        Clean($"{prefix}-{part}", 56) + "-" + Hash(seed + "/" + prefix + "/" + part);

    /// <summary>A storage account name: letters and digits only, at most 24.</summary>
    public static string StorageAccount(string prefix, string seed)
    {
        var letters = new string(prefix.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var head = letters.Length > 18 ? letters[..18] : letters;
        return head + Hash(seed + "/" + prefix);
    }

    private static string Clean(string raw, int max)
    {
        var name = new string(raw.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        while (name.Contains("--", StringComparison.Ordinal))
        {
            name = name.Replace("--", "-", StringComparison.Ordinal);
        }

        name = name.Trim('-');
        return name.Length > max ? name[..max].TrimEnd('-') : name;
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..6];
}
