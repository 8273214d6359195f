using System.Globalization;
using System.Net;
using System.Text;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MultiRegion.Health.Dns.Route53;

/// <summary>
/// The three Route 53 REST calls the provider needs, signed with SigV4 (us-east-1/route53), rate limited on the
/// injected clock and retried (Throttling, PriorRequestNotComplete, 5xx, timeouts) with jittered exponential backoff.
/// InvalidChangeBatch and other client errors are not retried.
/// </summary>
public sealed class Route53Client
{
    public const string ApiVersion = "2013-04-01";
    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal) { "Throttling", "ThrottlingException", "PriorRequestNotComplete", "ServiceUnavailable", "InternalFailure", "RequestThrottled" };
    private readonly HttpClient client;
    private readonly Route53Options options;
    private readonly IAwsCredentialSource credentials;
    private readonly TimeProvider time;
    private readonly RequestRateLimiter limiter;
    private readonly ResiliencePipeline pipeline;

    public Route53Client(Route53Options options, IAwsCredentialSource credentials, HttpClient client, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(client);
        HealthConfigurationException.ThrowIfAny(options.Validate());
        this.options = options;
        this.credentials = credentials;
        this.client = client;
        time = timeProvider ?? TimeProvider.System;
        limiter = new RequestRateLimiter(options.MaxRequestsPerSecond, time);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<DnsProviderException>(e => e.IsRetryable)
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
            });
        }

        pipeline = builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>POST …/rrset/ with one ChangeBatch; returns the change id.</summary>
    public async Task<string> ChangeResourceRecordSetsAsync(IReadOnlyList<DnsChange> changes, string? comment, CancellationToken cancellationToken)
    {
        var xml = Route53Xml.ChangeBatch(changes, comment);
        var body = await SendAsync(HttpMethod.Post, $"hostedzone/{options.ZonePath}/rrset/", null, xml, cancellationToken).ConfigureAwait(false);
        return Route53Xml.ChangeInfo(body).Id;
    }

    /// <summary>GET …/change/{id}; returns PENDING or INSYNC.</summary>
    public async Task<string> GetChangeStatusAsync(string changeId, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, $"change/{Uri.EscapeDataString(changeId)}", null, null, cancellationToken).ConfigureAwait(false);
        return Route53Xml.ChangeInfo(body).Status;
    }

    /// <summary>Polls GetChange until INSYNC (or <see cref="Route53Options.ChangeTimeout"/>).</summary>
    public async Task WaitForInSyncAsync(string changeId, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.ChangeTimeout;
        while (true)
        {
            var status = await GetChangeStatusAsync(changeId, cancellationToken).ConfigureAwait(false);
            if (string.Equals(status, "INSYNC", StringComparison.Ordinal))
            {
                return;
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new DnsProviderException("route53", $"change {changeId} is applied but still {status} after {options.ChangeTimeout}", "NotInSync", retryable: false);
            }

            await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every record set at exactly <paramref name="name"/> (optionally one type), following the pages.</summary>
    public async Task<IReadOnlyList<Route53RecordSet>> ListAtNameAsync(string name, string? type, CancellationToken cancellationToken)
    {
        var target = DnsName.Normalize(name);
        var result = new List<Route53RecordSet>();
        string? nextName = target, nextType = type, nextIdentifier = null;
        while (true)
        {
            var query = new StringBuilder()
                .Append("name=").Append(Uri.EscapeDataString(nextName!))
                .Append(nextType is null ? string.Empty : "&type=" + Uri.EscapeDataString(nextType))
                .Append(nextIdentifier is null ? string.Empty : "&identifier=" + Uri.EscapeDataString(nextIdentifier))
                .Append("&maxitems=").Append(options.PageSize.ToString(CultureInfo.InvariantCulture))
                .ToString();
            var body = await SendAsync(HttpMethod.Get, $"hostedzone/{options.ZonePath}/rrset", query, null, cancellationToken).ConfigureAwait(false);
            var page = Route53Xml.ListPage(body);
            var beyond = false;
            foreach (var set in page.RecordSets)
            {
                if (set.Name == target && (type is null || set.Type == type))
                {
                    result.Add(set);
                }
                else
                {
                    beyond = true;
                }
            }

            if (!page.IsTruncated || beyond || page.NextRecordName is null || Route53Xml.DecodeName(page.NextRecordName) != target)
            {
                return result;
            }

            (nextName, nextType, nextIdentifier) = (page.NextRecordName, page.NextRecordType, page.NextRecordIdentifier);
        }
    }

    private async Task<string> SendAsync(HttpMethod method, string relativePath, string? query, string? xml, CancellationToken cancellationToken)
    {
        return await pipeline.ExecuteAsync(
            async ct =>
            {
                await limiter.WaitAsync(ct).ConfigureAwait(false);
                var uri = new Uri(options.Endpoint, $"/{ApiVersion}/{relativePath}{(query is null ? string.Empty : "?" + query)}");
                using var request = new HttpRequestMessage(method, uri);
                if (xml is not null)
                {
                    request.Content = new StringContent(xml, Encoding.UTF8, "application/xml");
                }

                var creds = await credentials.GetAsync(ct).ConfigureAwait(false);
                await SigV4Signer.SignAsync(request, creds, "us-east-1", "route53", time.GetUtcNow(), ct).ConfigureAwait(false);
                using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return body;
                }

                var (code, message) = Route53Xml.Error(body);
                var status = (int)response.StatusCode;
                var retryable = RetryableCodes.Contains(code) || status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests;
                var what = code == "InvalidChangeBatch" ? "the change batch was rejected (nothing applied)" : $"{method} {uri.AbsolutePath} failed";
                throw new DnsProviderException("route53", string.Create(CultureInfo.InvariantCulture, $"{what}: HTTP {status} {code}: {message}"), code, retryable);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
