using MultiRegion.Health.Dns;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.Probing;

namespace MultiRegion.Health.Tests.Support;

/// <summary>
/// The user-level scenario against any provider: two real loopback HTTP endpoints, the real HTTP probe, the
/// primary fails (503) → after the threshold the answer seen through real DNS moves to the secondary → recovery
/// moves it back.
/// </summary>
internal static class FailoverScenario
{
    public static async Task RunAsync(IDnsProvider provider, string zone, Func<string, Task<IReadOnlyList<string>>> resolveA, CancellationToken ct)
    {
        using var primary = new LoopbackHttpEndpoint();
        using var secondary = new LoopbackHttpEndpoint();
        var name = "app." + zone;
        var service = new ServiceDefinition(
            name,
            zone,
            5,
            RoutingPolicyKind.Failover,
            [Fixtures.Region("eu", "192.0.2.10", priority: 2, url: primary.HealthUrl), Fixtures.Region("us", "192.0.2.20", priority: 1, url: secondary.HealthUrl)]);
        var options = Fixtures.Fast(failures: 2, successes: 2);
        using var probe = new HttpHealthProbe(options);
        using var checker = new HealthChecker(service, options, probe, provider);

        Assert.Equal(CycleOutcome.Applied, (await checker.RunOnceAsync(cancellationToken: ct)).Outcome);
        Assert.Equal(["192.0.2.10"], await resolveA(name));

        primary.StatusCode = 503;
        Assert.Equal(CycleOutcome.NoChange, (await checker.RunOnceAsync(cancellationToken: ct)).Outcome);
        Assert.Equal(["192.0.2.10"], await resolveA(name));
        var failover = await checker.RunOnceAsync(cancellationToken: ct);
        Assert.True(failover.Outcome == CycleOutcome.Applied, failover.Error);
        Assert.Equal(["192.0.2.20"], await resolveA(name));

        primary.StatusCode = 200;
        Assert.Equal(CycleOutcome.NoChange, (await checker.RunOnceAsync(cancellationToken: ct)).Outcome);
        var failback = await checker.RunOnceAsync(cancellationToken: ct);
        Assert.True(failback.Outcome == CycleOutcome.Applied, failback.Error);
        Assert.Equal(["192.0.2.10"], await resolveA(name));

        // The checker's own view after a restart: same answer, nothing to do.
        using var restarted = new HealthChecker(service, options, probe, provider);
        Assert.Equal(CycleOutcome.NoChange, (await restarted.RunOnceAsync(cancellationToken: ct)).Outcome);
    }
}
