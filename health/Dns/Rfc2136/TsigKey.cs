using System.Text.RegularExpressions;
using ARSoft.Tools.Net.Dns;

namespace MultiRegion.Health.Dns.Rfc2136;

/// <summary>A TSIG key (name, algorithm, secret). <see cref="ToString"/> never shows the secret.</summary>
public sealed partial class TsigKey
{
    private readonly byte[] secret;

    public TsigKey(string name, string algorithm, byte[] secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(secret);
        Name = DnsName.Normalize(name);
        AlgorithmName = algorithm.ToLowerInvariant();
        Algorithm = AlgorithmName switch
        {
            "hmac-sha256" => TSigAlgorithm.Sha256,
            "hmac-sha512" => TSigAlgorithm.Sha512,
            "hmac-sha384" => TSigAlgorithm.Sha384,
            "hmac-sha224" => TSigAlgorithm.Sha224,
            "hmac-sha1" => TSigAlgorithm.Sha1,
            "hmac-md5" or "hmac-md5.sig-alg.reg.int" => TSigAlgorithm.Md5,
            _ => throw new HealthConfigurationException($"TSIG algorithm: '{algorithm}' is not supported (use hmac-sha256)"),
        };
        if (secret.Length == 0)
        {
            throw new HealthConfigurationException($"TSIG key '{Name}': the secret is empty");
        }

        this.secret = (byte[])secret.Clone();
    }

    public string Name { get; }

    public string AlgorithmName { get; }

    internal TSigAlgorithm Algorithm { get; }

    internal byte[] Secret => secret;

    /// <summary>Parses a BIND key file as written by <c>tsig-keygen</c> (the first key in it).</summary>
    public static TsigKey FromBindKeyFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HealthConfigurationException($"TSIG key file: '{path}' cannot be read: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    public static TsigKey Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = KeyPattern().Match(text);
        if (!match.Success)
        {
            throw new HealthConfigurationException($"TSIG key file: '{source}' has no key \"name\" {{ algorithm …; secret \"…\"; }}; block");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(match.Groups["secret"].Value);
        }
        catch (FormatException)
        {
            throw new HealthConfigurationException($"TSIG key file: '{source}': the secret of key '{match.Groups["name"].Value}' is not base64");
        }

        return new TsigKey(match.Groups["name"].Value, match.Groups["alg"].Value, bytes);
    }

    public override string ToString() => $"{Name} ({AlgorithmName}, secret hidden)";

    [GeneratedRegex("""key\s+"?(?<name>[^"\s{]+)"?\s*\{[^}]*?algorithm\s+"?(?<alg>[A-Za-z0-9.\-]+)"?\s*;[^}]*?secret\s+"(?<secret>[^"]+)"\s*;""", RegexOptions.Singleline)]
    private static partial Regex KeyPattern();
}
