using System.Globalization;

namespace MultiRegion.Health;

/// <summary>Timing, thresholds and safety limits of the checker (validated, immutable).</summary>
public sealed record HealthCheckOptions
{
    /// <summary>Time between two probe rounds.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Per-probe timeout; must be shorter than <see cref="Interval"/>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Consecutive failures before a region is offline (1–10, Route 53 style).</summary>
    public int FailureThreshold { get; init; } = 3;

    /// <summary>Consecutive successes before a region is healthy again (1–20, gdnsd uses 20).</summary>
    public int SuccessThreshold { get; init; } = 3;

    /// <summary>Minimum time a region stays in a state before the next automatic transition.</summary>
    public TimeSpan MinimumDwell { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A successful probe slower than this counts as degraded.</summary>
    public TimeSpan DegradedLatency { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>If set, a 2xx answer must also contain this text to count as a success.</summary>
    public string? ExpectedBodyContains { get; init; }

    /// <summary>Verify the TLS certificate of HTTPS health URLs.</summary>
    public bool VerifyTls { get; init; } = true;

    /// <summary>A decision that changes more than this share of the owned records is refused unless forced (octoDNS: 0.3).</summary>
    public double MaxChangeFraction { get; init; } = 0.3;

    /// <summary>The change cap only applies when at least this many record sets exist (octoDNS: 10).</summary>
    public int ChangeCapMinimumRecords { get; init; } = 10;

    /// <summary>TTL of the published records, in seconds.</summary>
    public int Ttl { get; init; } = 30;

    /// <summary>Upper bound of probes in flight at once.</summary>
    public int MaxConcurrentProbes { get; init; } = 1024;

    /// <summary>Returns one message per invalid field, naming the field and the value; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Add(string field, object value, string rule) =>
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: {value} is invalid: {rule}"));

        if (Interval <= TimeSpan.Zero)
        {
            Add(nameof(Interval), Interval, "must be positive");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            Add(nameof(Timeout), Timeout, "must be positive");
        }
        else if (Timeout >= Interval)
        {
            Add(nameof(Timeout), Timeout, $"must be shorter than {nameof(Interval)} ({Interval})");
        }

        if (FailureThreshold is < 1 or > 10)
        {
            Add(nameof(FailureThreshold), FailureThreshold, "must be between 1 and 10");
        }

        if (SuccessThreshold is < 1 or > 20)
        {
            Add(nameof(SuccessThreshold), SuccessThreshold, "must be between 1 and 20");
        }

        if (MinimumDwell < TimeSpan.Zero)
        {
            Add(nameof(MinimumDwell), MinimumDwell, "must not be negative");
        }

        if (DegradedLatency <= TimeSpan.Zero)
        {
            Add(nameof(DegradedLatency), DegradedLatency, "must be positive");
        }

        if (double.IsNaN(MaxChangeFraction) || MaxChangeFraction <= 0 || MaxChangeFraction > 1)
        {
            Add(nameof(MaxChangeFraction), MaxChangeFraction, "must be in (0, 1]");
        }

        if (ChangeCapMinimumRecords < 0)
        {
            Add(nameof(ChangeCapMinimumRecords), ChangeCapMinimumRecords, "must not be negative");
        }

        if (Ttl is < 1 or > 604800)
        {
            Add(nameof(Ttl), Ttl, "must be between 1 and 604800 seconds");
        }

        if (MaxConcurrentProbes < 1)
        {
            Add(nameof(MaxConcurrentProbes), MaxConcurrentProbes, "must be at least 1");
        }

        return errors;
    }

    /// <summary>Throws a <see cref="HealthConfigurationException"/> listing every invalid field.</summary>
    public HealthCheckOptions EnsureValid()
    {
        HealthConfigurationException.ThrowIfAny(Validate());
        return this;
    }
}
