using MultiRegion.Health.Endpoints;

namespace MultiRegion.Health.Tests.Support;

internal static class Fixtures
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static RegionEndpoint Region(string id, string target, int priority = 0, int weight = 1, bool enabled = true, string? geo = null, Uri? url = null) =>
        new(id, url ?? new Uri($"http://{id}.invalid/healthz"), target, priority, weight, enabled, geo);

    public static ServiceDefinition Service(RoutingPolicyKind policy, params RegionEndpoint[] endpoints) =>
        new("app.example.com.", "example.com.", 30, policy, endpoints);

    /// <summary>
    /// Options for cycle-by-cycle tests: thresholds 2/2, no dwell. The probe timeout is generous because real
    /// loopback probes share two cores with parallel builds; tests drive cycles directly, not by the interval.
    /// </summary>
    public static HealthCheckOptions Fast(int failures = 2, int successes = 2, TimeSpan? dwell = null) => new()
    {
        Interval = TimeSpan.FromSeconds(10),
        Timeout = TimeSpan.FromSeconds(5),
        FailureThreshold = failures,
        SuccessThreshold = successes,
        MinimumDwell = dwell ?? TimeSpan.Zero,
    };
}
