using System.Globalization;
using System.Text.Json;

namespace MultiRegion.Health.Endpoints;

/// <summary>
/// Loads the endpoints file:
/// <c>{ "service": "app.example.com.", "zone": "example.com.", "ttl": 30, "policy": "failover",
/// "endpoints": [ { "regionId", "healthUrl", "target", "priority", "weight", "enabled", "geo" } ] }</c>.
/// Every rejected input yields one message naming the file, the field and the value; nothing else is thrown.
/// </summary>
public static class EndpointFileLoader
{
    /// <summary>Loads and validates a file; throws <see cref="HealthConfigurationException"/> listing every error.</summary>
    public static ServiceDefinition Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new HealthConfigurationException($"{path}: cannot read the endpoints file: {ex.Message}", ex);
        }

        var result = Parse(json, path);
        HealthConfigurationException.ThrowIfAny(result.Errors);
        return result.Service!;
    }

    /// <summary>Parses JSON text; <paramref name="source"/> names the file in messages. Never throws for bad input.</summary>
    public static EndpointFileResult Parse(string json, string source)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(json))
        {
            errors.Add($"{source}: the file is empty");
            return new EndpointFileResult(null, errors);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            errors.Add($"{source}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}");
            return new EndpointFileResult(null, errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{source}: the root must be a JSON object, got {root.ValueKind}");
                return new EndpointFileResult(null, errors);
            }

            var reader = new FieldReader(source, errors);
            var service = reader.RequiredName(root, "service");
            var zone = reader.RequiredName(root, "zone");
            var ttl = reader.OptionalInt(root, "ttl", 30, 1, 604800);
            var policy = reader.Policy(root);
            if (service is not null && zone is not null && !Dns.DnsName.IsInZone(service, zone))
            {
                errors.Add($"{source}: service: '{service}' is not inside zone '{zone}'");
            }

            var endpoints = new List<RegionEndpoint>();
            if (!root.TryGetProperty("endpoints", out var list))
            {
                errors.Add($"{source}: endpoints: missing (a list of regions is required)");
            }
            else if (list.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{source}: endpoints: must be a list, got {list.ValueKind}");
            }
            else
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var endpoint = reader.Endpoint(item, index++);
                    if (endpoint is not null)
                    {
                        endpoints.Add(endpoint);
                    }
                }

                CheckEndpointSet(source, endpoints, policy, errors, index);
            }

            if (errors.Count > 0)
            {
                return new EndpointFileResult(null, errors);
            }

            return new EndpointFileResult(new ServiceDefinition(service!, zone!, ttl, policy, endpoints), errors);
        }
    }

    private static void CheckEndpointSet(string source, List<RegionEndpoint> endpoints, RoutingPolicyKind policy, List<string> errors, int count)
    {
        if (count == 0)
        {
            errors.Add($"{source}: endpoints: the list is empty (at least one region is required)");
            return;
        }

        foreach (var duplicate in endpoints.GroupBy(e => e.RegionId, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"{source}: endpoints[].regionId: '{duplicate.Key}' appears {duplicate.Count()} times (region ids must be unique)");
        }

        if (endpoints.Count == count && !endpoints.Any(e => e.Enabled))
        {
            errors.Add($"{source}: endpoints[].enabled: every region is disabled (at least one must be enabled)");
        }

        var types = endpoints.Select(e => e.RecordType).Distinct().ToList();
        if (types.Count > 1 && types.Contains(Dns.DnsRecordType.CNAME))
        {
            errors.Add($"{source}: endpoints[].target: host names (CNAME) and addresses cannot be mixed under one name");
        }

        if (policy == RoutingPolicyKind.Geo && endpoints.Count > 0 && !endpoints.Any(e => e.GeoLocation == "*"))
        {
            errors.Add($"{source}: endpoints[].geo: the geo policy needs one region with geo \"*\" (the default answer)");
        }
    }

    private sealed class FieldReader(string source, List<string> errors)
    {
        private static readonly HashSet<string> Continents = new(StringComparer.Ordinal) { "*", "AF", "AN", "AS", "EU", "NA", "OC", "SA" };

        public string? RequiredName(JsonElement obj, string field, string prefix = "")
        {
            var text = RequiredString(obj, field, prefix);
            if (text is null)
            {
                return null;
            }

            if (!Dns.DnsName.IsValid(text))
            {
                errors.Add($"{source}: {prefix}{field}: '{text}' is not a valid DNS name");
                return null;
            }

            return Dns.DnsName.Normalize(text);
        }

        public string? RequiredString(JsonElement obj, string field, string prefix = "")
        {
            if (!obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                errors.Add($"{source}: {prefix}{field}: missing");
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                errors.Add($"{source}: {prefix}{field}: {Show(value)} must be a non-empty string");
                return null;
            }

            return value.GetString()!.Trim();
        }

        public int OptionalInt(JsonElement obj, string field, int fallback, int min, int max, string prefix = "")
        {
            if (!obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return fallback;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            {
                errors.Add($"{source}: {prefix}{field}: {Show(value)} must be a whole number");
                return fallback;
            }

            if (number < min || number > max)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{source}: {prefix}{field}: {number} must be between {min} and {max}"));
                return fallback;
            }

            return number;
        }

        public bool OptionalBool(JsonElement obj, string field, bool fallback, string prefix)
        {
            if (!obj.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return fallback;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            errors.Add($"{source}: {prefix}{field}: {Show(value)} must be true or false");
            return fallback;
        }

        public RoutingPolicyKind Policy(JsonElement root)
        {
            if (!root.TryGetProperty("policy", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return RoutingPolicyKind.Failover;
            }

            if (value.ValueKind == JsonValueKind.String
                && Enum.TryParse<RoutingPolicyKind>(value.GetString(), ignoreCase: true, out var kind)
                && Enum.IsDefined(kind)
                && !int.TryParse(value.GetString(), out _))
            {
                return kind;
            }

            errors.Add($"{source}: policy: {Show(value)} must be one of failover, weighted, latency, geo");
            return RoutingPolicyKind.Failover;
        }

        public RegionEndpoint? Endpoint(JsonElement item, int index)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"endpoints[{index}].");
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{source}: endpoints[{index}]: {Show(item)} must be an object");
                return null;
            }

            var before = errors.Count;
            var regionId = RequiredString(item, "regionId", prefix);
            Uri? url = null;
            var urlText = RequiredString(item, "healthUrl", prefix);
            if (urlText is not null)
            {
                if (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    errors.Add($"{source}: {prefix}healthUrl: '{urlText}' must be an absolute http:// or https:// URL");
                    url = null;
                }
            }

            var target = RequiredString(item, "target", prefix);
            if (target is not null && Dns.DnsRecordType.CNAME == RegionEndpoint.TargetRecordType(target) && !Dns.DnsName.IsValid(target))
            {
                errors.Add($"{source}: {prefix}target: '{target}' is neither an IP address nor a valid host name");
            }

            var priority = OptionalInt(item, "priority", 0, -1_000_000, 1_000_000, prefix);
            var weight = OptionalInt(item, "weight", 1, 0, 255, prefix);
            var enabled = OptionalBool(item, "enabled", true, prefix);
            string? geo = null;
            if (item.TryGetProperty("geo", out var geoValue) && geoValue.ValueKind != JsonValueKind.Null)
            {
                if (geoValue.ValueKind != JsonValueKind.String || !Continents.Contains(geoValue.GetString()!.ToUpperInvariant()))
                {
                    errors.Add($"{source}: {prefix}geo: {Show(geoValue)} must be a continent code (AF, AN, AS, EU, NA, OC, SA) or \"*\"");
                }
                else
                {
                    geo = geoValue.GetString()!.ToUpperInvariant();
                }
            }

            if (errors.Count > before)
            {
                return null;
            }

            return new RegionEndpoint(regionId!, url!, target!, priority, weight, enabled, geo);
        }

        private static string Show(JsonElement value)
        {
            var raw = value.GetRawText();
            return raw.Length > 80 ? raw[..80] + "…" : raw;
        }
    }
}

/// <summary>Outcome of parsing an endpoints file: the service, or the list of errors.</summary>
public sealed record EndpointFileResult(ServiceDefinition? Service, IReadOnlyList<string> Errors)
{
    public bool IsValid => Service is not null && Errors.Count == 0;
}
