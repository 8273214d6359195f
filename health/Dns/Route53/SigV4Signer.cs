using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MultiRegion.Health.Dns.Route53;

/// <summary>The parts of a request that AWS Signature Version 4 covers.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path as sent (e.g. "/2013-04-01/change/C1"); it is URI-encoded once more, as non-S3 services require.</param>
/// <param name="Query">Query string without "?" (may be empty); parameters are decoded, re-encoded and sorted.</param>
/// <param name="Headers">Headers to sign (name, value); must include host and the date header.</param>
/// <param name="Payload">Request body (empty for GET).</param>
public sealed record SigV4Request(string Method, string Path, string Query, IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Payload);

/// <summary>Intermediate and final values of a signature (the AWS test suite checks all of them).</summary>
public sealed record SigV4Signature(string CanonicalRequest, string StringToSign, string Signature, string SignedHeaders, string Authorization);

/// <summary>AWS Signature Version 4 (HMAC-SHA256), verified against the AWS SigV4 test suite.</summary>
public static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static string AmzDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static SigV4Signature Sign(SigV4Request request, AwsCredentials credentials, string region, string service, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var date = time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var headers = request.Headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(",", g.Select(h => CollapseWhitespace(h.Value)))))
            .ToList();
        var signedHeaders = string.Join(";", headers.Select(h => h.Name));
        var canonical = new StringBuilder()
            .Append(request.Method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(request.Path)).Append('\n')
            .Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var (name, value) in headers)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Hex(SHA256.HashData(request.Payload.Span)));
        var canonicalRequest = canonical.ToString();
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{AmzDate(time)}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));
        var authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4Signature(canonicalRequest, stringToSign, signature, signedHeaders, authorization);
    }

    /// <summary>Adds X-Amz-Date, X-Amz-Security-Token (if any) and Authorization to an HTTP request (body already set).</summary>
    public static async Task SignAsync(HttpRequestMessage request, AwsCredentials credentials, string region, string service, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri ?? throw new ArgumentException("request has no URI", nameof(request));
        var amzDate = AmzDate(time);
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}"),
            new("x-amz-date", amzDate),
        };
        if (credentials.SessionToken is { } token)
        {
            request.Headers.Remove("X-Amz-Security-Token");
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
            headers.Add(new("x-amz-security-token", token));
        }

        byte[] payload = [];
        if (request.Content is not null)
        {
            payload = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (request.Content.Headers.ContentType is { } contentType)
            {
                headers.Add(new("content-type", contentType.ToString()));
            }
        }

        var query = uri.Query.StartsWith('?') ? uri.Query[1..] : uri.Query;
        var signed = Sign(new SigV4Request(request.Method.Method, uri.AbsolutePath, query, headers, payload), credentials, region, service, time);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", signed.Authorization);
    }

    /// <summary>RFC 3986 encoding of every byte except unreserved characters (and '/' in paths).</summary>
    public static string UriEncode(string value, bool keepSlash)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string CanonicalPath(string path) => string.IsNullOrEmpty(path) ? "/" : UriEncode(path, keepSlash: true);

    private static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        return string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var index = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(index < 0 ? pair : pair[..index]);
                var value = index < 0 ? string.Empty : Uri.UnescapeDataString(pair[(index + 1)..]);
                return (Name: UriEncode(name, false), Value: UriEncode(value, false));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    private static string CollapseWhitespace(string value) =>
        string.Join(' ', value.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
