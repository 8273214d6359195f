using MultiRegion.Health.Endpoints;

namespace MultiRegion.Health.Tests.Support;

internal static class Fixtures
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static RegionEndpoint Region(string id, string target, int priority = 0, int weight = 1, bool enabled = true, string? geo = null, Uri? url = null) =>
        new(id, url ?? new Uri($"http://{id}.invalid/healthz"), target, priority, weight, enabled, geo);

    public static ServiceDefinition Service(RoutingPolicyKind policy, params RegionEndpoint[] endpoints) =>
        new("app.example.com.", "example.com.", 30, policy, endpoints);

    /// <summary>Fast options for loops: thresholds 2/2, no dwell.</summary>
    public static HealthCheckOptions Fast(int failures = 2, int successes = 2, TimeSpan? dwell = null) => new()
    {
        Interval = TimeSpan.FromSeconds(1),
        Timeout = TimeSpan.FromMilliseconds(500),
        FailureThreshold = failures,
        SuccessThreshold = successes,
        MinimumDwell = dwell ?? TimeSpan.Zero,
    };
}
