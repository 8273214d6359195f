using System.Globalization;
using MultiRegion.Health;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// How the sandbox's health checker runs. The defaults are for interactive use on one machine (1 s × 3, back after
/// 2 successes, no dwell); <see cref="Demo"/> is faster still. The real deployment's values live in Pulumi.yaml.
/// </summary>
public sealed record SandboxSettings
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    public int FailureThreshold { get; init; } = 3;

    public int SuccessThreshold { get; init; } = 2;

    public TimeSpan MinimumDwell { get; init; } = TimeSpan.Zero;

    /// <summary>TTL of the published service record (seconds).</summary>
    public int Ttl { get; init; } = 5;

    /// <summary>The embedded DNS server's port; 0 picks a free one.</summary>
    public int DnsPort { get; init; }

    /// <summary>A real DNS server for the service record instead of the embedded one (null: embedded).</summary>
    public SandboxDnsTarget? ExternalDns { get; init; }

    /// <summary>Use 127.0.0.1 for every region even where distinct loopback addresses exist (the macOS behaviour).</summary>
    public bool SharedLoopbackAddress { get; init; }

    /// <summary>The fast settings of the one-command demo: 500 ms × 2, back after 2 successes, no dwell.</summary>
    public static SandboxSettings Demo { get; } = new() { Interval = TimeSpan.FromMilliseconds(500), FailureThreshold = 2, SuccessThreshold = 2 };

    /// <summary>Per-probe timeout: 80 % of the interval, at most 2 s.</summary>
    public TimeSpan ProbeTimeout => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(2).Ticks, (long)(Interval.Ticks * 0.8)));

    /// <summary>Failure → DNS answer changed, at worst: interval × threshold + 250 ms (the design's target).</summary>
    public TimeSpan FailoverBound => (Interval * FailureThreshold) + TimeSpan.FromMilliseconds(250);

    /// <summary>How long a fresh sandbox may take until every region has proven itself healthy.</summary>
    public TimeSpan SettleTimeout => (Interval * (SuccessThreshold + 3)) + MinimumDwell + TimeSpan.FromSeconds(2);

    public HealthCheckOptions ToHealthCheckOptions() => new HealthCheckOptions
    {
        Interval = Interval,
        Timeout = ProbeTimeout,
        FailureThreshold = FailureThreshold,
        SuccessThreshold = SuccessThreshold,
        MinimumDwell = MinimumDwell,
        Ttl = Ttl,
    }.EnsureValid();

    /// <summary>The same settings as arguments of a child <c>sandbox serve</c>.</summary>
    public IReadOnlyList<string> ToServeArguments()
    {
        var inv = CultureInfo.InvariantCulture;
        var args = new List<string>
        {
            "--interval", Interval.TotalMilliseconds.ToString("0", inv) + "ms",
            "--threshold", FailureThreshold.ToString(inv),
            "--success-threshold", SuccessThreshold.ToString(inv),
            "--dwell", MinimumDwell.TotalMilliseconds.ToString("0", inv) + "ms",
        };
        if (DnsPort != 0)
        {
            args.AddRange(["--dns-port", DnsPort.ToString(inv)]);
        }

        if (SharedLoopbackAddress)
        {
            args.Add("--shared-address");
        }

        if (ExternalDns is not null)
        {
            args.AddRange(ExternalDns.ToServeArguments());
        }

        return args;
    }

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"interval {Interval.TotalMilliseconds:0} ms, failure threshold {FailureThreshold}, success threshold {SuccessThreshold}, dwell {MinimumDwell.TotalMilliseconds:0} ms, probe timeout {ProbeTimeout.TotalMilliseconds:0} ms");
}
