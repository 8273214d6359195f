using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using MultiRegion.Health.Dns.Route53;

namespace MultiRegion.Health.Tests.Support;

/// <summary>
/// An HTTP-level Route 53: validates signatures' presence and scope, the request XML (namespace, element order,
/// limits per batch with UPSERT counted twice), applies batches atomically to an in-memory zone, pages
/// ListResourceRecordSets by NextRecordName/Type/Identifier, and replays scripted Route 53 error bodies.
/// </summary>
internal sealed class FakeRoute53(TimeProvider time) : HttpMessageHandler
{
    public const string Throttling = """<?xml version="1.0"?><ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>3b1c2e7a-0000-4000-8000-000000000001</RequestId></ErrorResponse>""";
    public const string PriorRequestNotComplete = """<?xml version="1.0"?><ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type><Code>PriorRequestNotComplete</Code><Message>The request was rejected because Route 53 was still processing a prior request.</Message></Error><RequestId>3b1c2e7a-0000-4000-8000-000000000002</RequestId></ErrorResponse>""";
    public const string InternalError = """<?xml version="1.0"?><ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>An internal error occurred.</Message></Error><RequestId>3b1c2e7a-0000-4000-8000-000000000003</RequestId></ErrorResponse>""";

    private static readonly XNamespace Ns = Route53Xml.Ns;
    private static readonly string[] RecordSetOrder = ["Name", "Type", "SetIdentifier", "Weight", "Region", "GeoLocation", "Failover", "MultiValueAnswer", "TTL", "ResourceRecords", "AliasTarget", "HealthCheckId", "TrafficPolicyInstanceId", "CidrRoutingConfig", "GeoProximityLocation"];
    private readonly object gate = new();
    private readonly Dictionary<string, XElement> zone = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Func<HttpResponseMessage?>> scripted = new();
    private readonly ConcurrentQueue<Func<HttpResponseMessage?>> postScripted = new();
    private int changeCounter;

    public List<(DateTimeOffset At, string Method, string PathAndQuery)> Requests { get; } = [];

    public List<string> Problems { get; } = [];

    public int PendingPolls { get; set; } = 1;

    public int ChangeBatchesApplied { get; private set; }

    public IReadOnlyDictionary<string, XElement> Zone
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, XElement>(zone);
            }
        }
    }

    public void Fail(HttpStatusCode status, string body, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            scripted.Enqueue(() => Xml(status, body));
        }
    }

    /// <summary>The next POST (ChangeResourceRecordSets) gets this error, <paramref name="times"/> times.</summary>
    public void FailPost(HttpStatusCode status, string body, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            postScripted.Enqueue(() => Xml(status, body));
        }
    }

    /// <summary>The next POST is applied but its response is lost (the client times out and retries).</summary>
    public void LoseNextPostResponse() => loseNextPostResponse = true;

    /// <summary>The next request never answers (until the client gives up).</summary>
    public void Hang() => scripted.Enqueue(() => null);

    /// <summary>Puts a record set straight into the zone (as if someone else created it).</summary>
    public void Seed(string name, string type, int ttl, params string[] values) =>
        Store(RecordSet(name, type, ttl, null, values));

    public static XElement RecordSet(string name, string type, int ttl, string? setId, params string[] values) =>
        new(Ns + "ResourceRecordSet",
            new XElement(Ns + "Name", name),
            new XElement(Ns + "Type", type),
            setId is null ? null : new XElement(Ns + "SetIdentifier", setId),
            setId is null ? null : new XElement(Ns + "Weight", "1"),
            new XElement(Ns + "TTL", ttl.ToString(CultureInfo.InvariantCulture)),
            new XElement(Ns + "ResourceRecords", values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v)))));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        lock (gate)
        {
            Requests.Add((time.GetUtcNow(), request.Method.Method, request.RequestUri.PathAndQuery));
        }

        var auth = request.Headers.TryGetValues("Authorization", out var a) ? a.Single() : string.Empty;
        if (!auth.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/", StringComparison.Ordinal) || !auth.Contains("/us-east-1/route53/aws4_request", StringComparison.Ordinal) || !request.Headers.Contains("X-Amz-Date"))
        {
            Problems.Add("unsigned or wrongly scoped request: " + auth);
            return Xml(HttpStatusCode.Forbidden, """<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>bad</Message></Error></ErrorResponse>""");
        }

        if (scripted.TryDequeue(out var script))
        {
            var response = script();
            if (response is null)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
            }

            return response!;
        }

        if (request.Method == HttpMethod.Post && postScripted.TryDequeue(out var postScript))
        {
            return postScript()!;
        }

        if (request.Method == HttpMethod.Post && path.EndsWith("/rrset/", StringComparison.Ordinal))
        {
            var result = Change(await request.Content!.ReadAsStringAsync(cancellationToken));
            if (loseNextPostResponse && result.IsSuccessStatusCode)
            {
                loseNextPostResponse = false;
                await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
            }

            return result;
        }

        if (request.Method == HttpMethod.Get && path.StartsWith("/2013-04-01/change/", StringComparison.Ordinal))
        {
            var id = path["/2013-04-01/change/".Length..];
            var status = Interlocked.Decrement(ref pendingLeft) >= 0 ? "PENDING" : "INSYNC";
            return Xml(HttpStatusCode.OK, $"""<?xml version="1.0"?><GetChangeResponse xmlns="{Ns}"><ChangeInfo><Id>/change/{id}</Id><Status>{status}</Status><SubmittedAt>2026-01-01T00:00:00Z</SubmittedAt></ChangeInfo></GetChangeResponse>""");
        }

        if (request.Method == HttpMethod.Get && path.EndsWith("/rrset", StringComparison.Ordinal))
        {
            return List(System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query));
        }

        Problems.Add("unexpected request " + request.Method + " " + path);
        return Xml(HttpStatusCode.NotFound, "<ErrorResponse><Error><Code>NoSuchThing</Code><Message>no</Message></Error></ErrorResponse>");
    }

    private int pendingLeft;
    private bool loseNextPostResponse;

    private HttpResponseMessage Change(string body)
    {
        var root = XDocument.Parse(body).Root!;
        if (root.Name != Ns + "ChangeResourceRecordSetsRequest")
        {
            Problems.Add("root element " + root.Name);
        }

        var batch = root.Element(Ns + "ChangeBatch")!;
        CheckOrder(batch, ["Comment", "Changes"]);
        var changes = batch.Element(Ns + "Changes")!.Elements(Ns + "Change").ToList();
        int records = 0, characters = 0;
        foreach (var change in changes)
        {
            CheckOrder(change, ["Action", "ResourceRecordSet"]);
            var set = change.Element(Ns + "ResourceRecordSet")!;
            CheckOrder(set, RecordSetOrder);
            var factor = change.Element(Ns + "Action")!.Value == "UPSERT" ? 2 : 1;
            var values = set.Descendants(Ns + "Value").Select(v => v.Value).ToList();
            records += values.Count * factor;
            characters += values.Sum(v => v.Length) * factor;
        }

        if (records > 1000 || characters > 32000)
        {
            Problems.Add($"batch over the limits: {records} records, {characters} characters");
            return Xml(HttpStatusCode.BadRequest, $"""<?xml version="1.0"?><InvalidChangeBatch xmlns="{Ns}"><Messages><Message>Number of records limit of 1000 exceeded.</Message></Messages><RequestId>x</RequestId></InvalidChangeBatch>""");
        }

        lock (gate)
        {
            var copy = new Dictionary<string, XElement>(zone, StringComparer.Ordinal);
            foreach (var change in changes)
            {
                var set = change.Element(Ns + "ResourceRecordSet")!;
                var key = Key(set);
                switch (change.Element(Ns + "Action")!.Value)
                {
                    case "DELETE":
                        if (!copy.TryGetValue(key, out var existing) || !XNode.DeepEquals(Normalize(existing), Normalize(set)))
                        {
                            return Xml(HttpStatusCode.BadRequest, $"""<?xml version="1.0"?><InvalidChangeBatch xmlns="{Ns}"><Messages><Message>[Tried to delete resource record set [name='{set.Element(Ns + "Name")!.Value}', type='{set.Element(Ns + "Type")!.Value}'] but the values provided do not match the current values]</Message></Messages><RequestId>x</RequestId></InvalidChangeBatch>""");
                        }

                        copy.Remove(key);
                        break;
                    case "UPSERT":
                        copy[key] = new XElement(set);
                        break;
                    case "CREATE":
                        if (!copy.TryAdd(key, new XElement(set)))
                        {
                            return Xml(HttpStatusCode.BadRequest, $"""<?xml version="1.0"?><InvalidChangeBatch xmlns="{Ns}"><Messages><Message>[Tried to create resource record set but it already exists]</Message></Messages><RequestId>x</RequestId></InvalidChangeBatch>""");
                        }

                        break;
                    default:
                        Problems.Add("bad action");
                        break;
                }
            }

            zone.Clear();
            foreach (var (k, v) in copy)
            {
                zone[k] = v;
            }

            ChangeBatchesApplied++;
            pendingLeft = PendingPolls;
        }

        var id = "C" + Interlocked.Increment(ref changeCounter).ToString("D6", CultureInfo.InvariantCulture);
        return Xml(HttpStatusCode.OK, $"""<?xml version="1.0"?><ChangeResourceRecordSetsResponse xmlns="{Ns}"><ChangeInfo><Id>/change/{id}</Id><Status>PENDING</Status><SubmittedAt>2026-01-01T00:00:00Z</SubmittedAt></ChangeInfo></ChangeResourceRecordSetsResponse>""");
    }

    private HttpResponseMessage List(System.Collections.Specialized.NameValueCollection query)
    {
        var name = query["name"] ?? string.Empty;
        var type = query["type"];
        var identifier = query["identifier"];
        var max = int.Parse(query["maxitems"] ?? "300", CultureInfo.InvariantCulture);
        if (max > 300)
        {
            Problems.Add("maxitems over 300");
        }

        List<XElement> sorted;
        lock (gate)
        {
            sorted = [.. zone.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value)];
        }

        var page = sorted.Where(s => AtOrAfter(s, name, type, identifier)).ToList();
        var truncated = page.Count > max;
        var next = truncated ? page[max] : null;
        var body = new XElement(
            Ns + "ListResourceRecordSetsResponse",
            new XElement(Ns + "ResourceRecordSets", page.Take(max).Select(s => new XElement(s))),
            new XElement(Ns + "IsTruncated", truncated ? "true" : "false"),
            next is null ? null : new XElement(Ns + "NextRecordName", next.Element(Ns + "Name")!.Value),
            next is null ? null : new XElement(Ns + "NextRecordType", next.Element(Ns + "Type")!.Value),
            next?.Element(Ns + "SetIdentifier") is { } nextId ? new XElement(Ns + "NextRecordIdentifier", nextId.Value) : null,
            new XElement(Ns + "MaxItems", max.ToString(CultureInfo.InvariantCulture)));
        return Xml(HttpStatusCode.OK, new XDocument(body).ToString());
    }

    private static bool AtOrAfter(XElement set, string name, string? type, string? identifier)
    {
        var byName = string.CompareOrdinal(set.Element(Ns + "Name")!.Value, name);
        if (byName != 0 || type is null)
        {
            return byName >= 0;
        }

        var byType = string.CompareOrdinal(set.Element(Ns + "Type")!.Value, type);
        if (byType != 0 || identifier is null)
        {
            return byType >= 0;
        }

        return string.CompareOrdinal(set.Element(Ns + "SetIdentifier")?.Value ?? string.Empty, identifier) >= 0;
    }

    private static string Key(XElement set) =>
        $"{set.Element(Ns + "Name")!.Value}|{set.Element(Ns + "Type")!.Value}|{set.Element(Ns + "SetIdentifier")?.Value ?? string.Empty}";

    private static XElement Normalize(XElement set)
    {
        var copy = new XElement(set);
        var records = copy.Element(Ns + "ResourceRecords");
        records?.ReplaceNodes(records.Elements().OrderBy(e => e.Value, StringComparer.Ordinal).ToList());
        return copy;
    }

    private void Store(XElement set)
    {
        lock (gate)
        {
            zone[Key(set)] = set;
        }
    }

    private void CheckOrder(XElement parent, string[] order)
    {
        var names = parent.Elements().Select(e => e.Name.LocalName).ToList();
        var positions = names.Select(n => Array.IndexOf(order, n)).ToList();
        if (positions.Any(p => p < 0) || !positions.SequenceEqual(positions.Order()) || parent.Elements().Any(e => e.Name.Namespace != Ns))
        {
            Problems.Add($"{parent.Name.LocalName}: elements out of the model's order or namespace: {string.Join(",", names)}");
        }
    }

    private static HttpResponseMessage Xml(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
}
