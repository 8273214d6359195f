using System.Globalization;

namespace MultiRegion.Health.Dns.Route53;

/// <summary>Route 53 settings: the hosted zone, endpoint, API limits and retry policy.</summary>
public sealed record Route53Options
{
    /// <summary>Hosted zone id, e.g. "Z0123456789ABCDEFGHIJ" (a "/hostedzone/" prefix is accepted).</summary>
    public required string HostedZoneId { get; init; }

    public Uri Endpoint { get; init; } = new("https://route53.amazonaws.com/");

    /// <summary>Route 53 allows 5 requests per second per account.</summary>
    public double MaxRequestsPerSecond { get; init; } = 5;

    /// <summary>Route 53 limit: 1,000 ResourceRecord elements per ChangeBatch (UPSERT counts twice).</summary>
    public int MaxRecordsPerBatch { get; init; } = 1000;

    /// <summary>Route 53 limit: 32,000 characters of record values per ChangeBatch (UPSERT counts twice).</summary>
    public int MaxValueCharactersPerBatch { get; init; } = 32000;

    /// <summary>Page size of ListResourceRecordSets (Route 53 maximum 300).</summary>
    public int PageSize { get; init; } = 300;

    /// <summary>Delay between GetChange polls while a change is PENDING.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Give up waiting for INSYNC after this long (the change itself stays applied).</summary>
    public TimeSpan ChangeTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of Throttling, PriorRequestNotComplete, 5xx and timeouts.</summary>
    public int MaxRetryAttempts { get; init; } = 6;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public string ZonePath => HostedZoneId.StartsWith("/hostedzone/", StringComparison.Ordinal) ? HostedZoneId["/hostedzone/".Length..] : HostedZoneId;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Add(string field, object? value, string rule) => errors.Add(string.Create(CultureInfo.InvariantCulture, $"route53.{field}: '{value}' is invalid: {rule}"));
        if (string.IsNullOrWhiteSpace(HostedZoneId) || !ZonePath.All(char.IsAsciiLetterOrDigit))
        {
            Add(nameof(HostedZoneId), HostedZoneId, "must be a hosted zone id like Z0123456789ABC");
        }

        if (!Endpoint.IsAbsoluteUri)
        {
            Add(nameof(Endpoint), Endpoint, "must be an absolute URL");
        }

        if (MaxRequestsPerSecond is <= 0 or > 100)
        {
            Add(nameof(MaxRequestsPerSecond), MaxRequestsPerSecond, "must be in (0, 100]");
        }

        if (MaxRecordsPerBatch is < 2 or > 1000)
        {
            Add(nameof(MaxRecordsPerBatch), MaxRecordsPerBatch, "must be between 2 and 1000");
        }

        if (MaxValueCharactersPerBatch is < 512 or > 32000)
        {
            Add(nameof(MaxValueCharactersPerBatch), MaxValueCharactersPerBatch, "must be between 512 and 32000");
        }

        if (PageSize is < 1 or > 300)
        {
            Add(nameof(PageSize), PageSize, "must be between 1 and 300");
        }

        if (MaxRetryAttempts is < 0 or > 20)
        {
            Add(nameof(MaxRetryAttempts), MaxRetryAttempts, "must be between 0 and 20");
        }

        if (PollInterval < TimeSpan.Zero || ChangeTimeout <= TimeSpan.Zero || AttemptTimeout <= TimeSpan.Zero || RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            Add("timing", $"{PollInterval}/{ChangeTimeout}/{AttemptTimeout}/{RetryBaseDelay}/{RetryMaxDelay}", "intervals must be positive and RetryMaxDelay ≥ RetryBaseDelay");
        }

        return errors;
    }
}
