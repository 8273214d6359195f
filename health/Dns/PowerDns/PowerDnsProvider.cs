using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MultiRegion.Health.Dns.PowerDns;

/// <summary>
/// PowerDNS Authoritative HTTP API: <c>GET /api/v1/servers/{server}/zones/{zone}</c> to read and one
/// <c>PATCH</c> with every rrset (REPLACE/DELETE) to write — PowerDNS applies a PATCH in one backend transaction,
/// so a decision is all or nothing. Authenticated with <c>X-API-Key</c>; the key never appears in messages.
/// </summary>
public sealed class PowerDnsProvider : OwnedDnsProvider
{
    /// <summary>Environment variable conventionally holding the API key.</summary>
    public const string ApiKeyVariable = "MULTIREGION_PDNS_API_KEY";

    private readonly HttpClient client;
    private readonly Uri baseUrl;
    private readonly string apiKey;
    private readonly string serverId;

    /// <param name="baseUrl">Web server URL, e.g. http://127.0.0.1:8081/.</param>
    /// <param name="apiKey">The api-key of the PowerDNS server.</param>
    /// <param name="ownerId">Owner written in the ownership TXT marker.</param>
    /// <param name="client">Shared HTTP client (a new one when null).</param>
    /// <param name="serverId">Server id in the API path (always "localhost" for pdns_server).</param>
    public PowerDnsProvider(Uri baseUrl, string apiKey, string ownerId, HttpClient? client = null, string serverId = "localhost")
        : base(ownerId)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (string.IsNullOrEmpty(apiKey))
        {
            throw new HealthConfigurationException($"PowerDNS api key: empty (set {ApiKeyVariable})");
        }

        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new HealthConfigurationException($"PowerDNS url: '{baseUrl}' must be an absolute http(s) URL");
        }

        this.baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        this.apiKey = apiKey;
        this.serverId = serverId;
        this.client = client ?? new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    }

    public override string Name => "powerdns";

    /// <summary>Creates the provider from <see cref="ApiKeyVariable"/>.</summary>
    public static PowerDnsProvider FromEnvironment(Uri baseUrl, string ownerId, HttpClient? client = null) =>
        new(baseUrl, Environment.GetEnvironmentVariable(ApiKeyVariable) ?? string.Empty, ownerId, client);

    protected override async Task<OwnedNameState> ReadStateAsync(string zone, string name, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, zone);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "read zone " + DnsName.Normalize(zone), cancellationToken).ConfigureAwait(false);
        var document = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken).ConfigureAwait(false);
        var target = DnsName.Normalize(name);
        var marker = DnsName.OwnershipName(name);
        var records = new List<DnsRecordSet>();
        var markerValues = new List<string>();
        foreach (var rrset in document?["rrsets"]?.AsArray() ?? [])
        {
            var rrName = DnsName.Normalize(rrset?["name"]?.GetValue<string>() ?? string.Empty);
            var type = rrset?["type"]?.GetValue<string>() ?? string.Empty;
            var ttl = rrset?["ttl"]?.GetValue<int>() ?? 0;
            var values = (rrset?["records"]?.AsArray() ?? [])
                .Where(r => r?["disabled"]?.GetValue<bool>() != true)
                .Select(r => r?["content"]?.GetValue<string>() ?? string.Empty)
                .ToList();
            if (rrName == marker && type == "TXT")
            {
                markerValues.AddRange(values.Select(Unquote));
            }
            else if (rrName == target && Enum.TryParse<DnsRecordType>(type, out var recordType) && recordType != DnsRecordType.TXT && values.Count > 0)
            {
                records.Add(new DnsRecordSet(target, recordType, ttl, values));
            }
            else if (rrName == target && type is not ("TXT" or "A" or "AAAA" or "CNAME") && values.Count > 0)
            {
                throw new ForeignRecordException(target, type, "a record type this checker does not manage exists at the name");
            }
        }

        return new OwnedNameState(records, markerValues);
    }

    protected override async Task ApplyOwnedAsync(DnsChangeSet changes, OwnedNameState current, DnsRecordSet? markerToCreate, CancellationToken cancellationToken)
    {
        var rrsets = new JsonArray();
        foreach (var change in changes.Changes)
        {
            rrsets.Add(change.Action == DnsChangeAction.Delete ? Delete(change.RecordSet) : Replace(change.RecordSet));
        }

        if (markerToCreate is not null)
        {
            rrsets.Add(Replace(markerToCreate));
        }

        using var request = Request(HttpMethod.Patch, changes.Zone);
        request.Content = new StringContent(new JsonObject { ["rrsets"] = rrsets }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "patch zone " + DnsName.Normalize(changes.Zone), cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Replace(DnsRecordSet set)
    {
        var records = new JsonArray();
        foreach (var value in set.Values)
        {
            records.Add(new JsonObject { ["content"] = Content(set.Type, value), ["disabled"] = false });
        }

        return new JsonObject
        {
            ["name"] = DnsName.Normalize(set.Name),
            ["type"] = set.Type.ToString(),
            ["ttl"] = set.Ttl,
            ["changetype"] = "REPLACE",
            ["records"] = records,
        };
    }

    private static JsonObject Delete(DnsRecordSet set) => new()
    {
        ["name"] = DnsName.Normalize(set.Name),
        ["type"] = set.Type.ToString(),
        ["changetype"] = "DELETE",
    };

    private static string Content(DnsRecordType type, string value) => type switch
    {
        DnsRecordType.TXT => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        DnsRecordType.CNAME => DnsName.Normalize(value),
        _ => Endpoints.RegionEndpoint.CanonicalValue(value),
    };

    private static string Unquote(string content)
    {
        var text = content.Trim();
        return text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : text;
    }

    private HttpRequestMessage Request(HttpMethod method, string zone)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"api/v1/servers/{Uri.EscapeDataString(serverId)}/zones/{Uri.EscapeDataString(DnsName.Normalize(zone))}");
        var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
        request.Headers.Add("X-API-Key", apiKey);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? error = null;
        try
        {
            error = JsonNode.Parse(body)?["error"]?.GetValue<string>();
        }
        catch (JsonException)
        {
        }

        error ??= body.Length > 300 ? body[..300] : body;
        var status = (int)response.StatusCode;
        var retryable = status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests;
        throw new DnsProviderException(Name, string.Create(CultureInfo.InvariantCulture, $"{what} failed: HTTP {status}: {error.Replace(apiKey, "***", StringComparison.Ordinal)}"), status.ToString(CultureInfo.InvariantCulture), retryable);
    }
}
