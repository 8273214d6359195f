using Microsoft.Extensions.Time.Testing;
using MultiRegion.Health.Probing;
using MultiRegion.Health.Regions;
using MultiRegion.Health.Tests.Support;

namespace MultiRegion.Health.Tests.Regions;

public sealed class RegionStateMachineTests
{
    private static readonly HealthCheckOptions Options = new()
    {
        FailureThreshold = 3,
        SuccessThreshold = 2,
        MinimumDwell = TimeSpan.Zero,
        DegradedLatency = TimeSpan.FromMilliseconds(500),
    };

    // Script letters: S = fast success, L = slow success (over DegradedLatency), F = failure.
    public static TheoryData<string, RegionHealth, string, RegionHealth, string> Transitions => new()
    {
        { "one failure never flips a healthy region", RegionHealth.Healthy, "F", RegionHealth.Healthy, "" },
        { "two failures stay under the threshold", RegionHealth.Healthy, "FF", RegionHealth.Healthy, "" },
        { "N consecutive failures take a healthy region offline", RegionHealth.Healthy, "FFF", RegionHealth.Offline, "Offline" },
        { "a success resets the failure count", RegionHealth.Healthy, "FFSFF", RegionHealth.Healthy, "" },
        { "N slow-or-failed results degrade a healthy region", RegionHealth.Healthy, "LLL", RegionHealth.Degraded, "Degraded" },
        { "partial failure (mixed fail/slow) degrades", RegionHealth.Healthy, "FLF", RegionHealth.Degraded, "Degraded" },
        { "slow results under the threshold do not degrade", RegionHealth.Healthy, "LLS", RegionHealth.Healthy, "" },
        { "M fast successes bring a degraded region back", RegionHealth.Degraded, "SS", RegionHealth.Healthy, "Healthy" },
        { "one fast success is not enough to recover from degraded", RegionHealth.Degraded, "S", RegionHealth.Degraded, "" },
        { "N failures take a degraded region offline", RegionHealth.Degraded, "FFF", RegionHealth.Offline, "Offline" },
        { "M successes bring an offline region back healthy", RegionHealth.Offline, "SS", RegionHealth.Healthy, "Healthy" },
        { "M slow successes bring an offline region back degraded", RegionHealth.Offline, "LL", RegionHealth.Degraded, "Degraded" },
        { "one success is not enough to leave offline", RegionHealth.Offline, "S", RegionHealth.Offline, "" },
        { "a failure resets the success count while offline", RegionHealth.Offline, "SFS", RegionHealth.Offline, "" },
        { "full cycle: healthy, offline, healthy", RegionHealth.Healthy, "FFFSS", RegionHealth.Healthy, "Offline,Healthy" },
        { "offline, back degraded, then healthy", RegionHealth.Offline, "LLSS", RegionHealth.Healthy, "Degraded,Healthy" },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Follows_the_transition_table(string because, RegionHealth start, string script, RegionHealth expected, string expectedTransitions)
    {
        var time = new FakeTimeProvider(Fixtures.Start);
        var machine = new RegionStateMachine("eu", Options, time, new RegionSeed(start));
        var seen = new List<string>();
        foreach (var step in script)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            if (machine.Observe(Result(step, time)) is { } t)
            {
                seen.Add(t.To.ToString());
                Assert.Equal(time.GetUtcNow(), t.At);
                Assert.False(string.IsNullOrWhiteSpace(t.Reason));
            }
        }

        Assert.True(expected == machine.Health, $"{because}: expected {expected}, got {machine.Health}");
        Assert.Equal(expectedTransitions, string.Join(",", seen));
    }

    [Fact]
    public void Dwell_time_holds_a_transition_until_it_has_passed()
    {
        var time = new FakeTimeProvider(Fixtures.Start);
        var options = Options with { MinimumDwell = TimeSpan.FromSeconds(30) };
        var machine = new RegionStateMachine("eu", options, time, new RegionSeed(RegionHealth.Healthy, time.GetUtcNow()));

        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            Assert.Null(machine.Observe(Result('F', time)));
        }

        Assert.Equal(RegionHealth.Healthy, machine.Health); // 25 s < 30 s dwell
        time.Advance(TimeSpan.FromSeconds(5));
        var transition = machine.Observe(Result('F', time));
        Assert.NotNull(transition);
        Assert.Equal(RegionHealth.Offline, transition.To);

        // Coming back is also held for the dwell time after the last transition.
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            Assert.Null(machine.Observe(Result('S', time)));
        }

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(RegionHealth.Healthy, machine.Observe(Result('S', time))?.To);
    }

    [Fact]
    public void Flapping_endpoint_never_flips_before_the_thresholds()
    {
        var time = new FakeTimeProvider(Fixtures.Start);
        var machine = new RegionStateMachine("eu", Options, time);
        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.Null(machine.Observe(Result(i % 2 == 0 ? 'F' : 'S', time)));
        }

        Assert.Equal(RegionHealth.Healthy, machine.Health);
    }

    [Fact]
    public void Drain_and_undrain_are_immediate_and_keep_the_health()
    {
        var time = new FakeTimeProvider(Fixtures.Start);
        var machine = new RegionStateMachine("eu", Options with { MinimumDwell = TimeSpan.FromHours(1) }, time, new RegionSeed(RegionHealth.Healthy, time.GetUtcNow()));
        var events = new List<HealthTransition>();
        machine.Transitioned += (_, t) => events.Add(t);

        var drained = machine.Drain("maintenance");
        Assert.NotNull(drained);
        Assert.True(machine.IsDrained);
        Assert.Equal(RegionHealth.Healthy, machine.Health);
        Assert.Equal("maintenance", drained.Reason);
        Assert.Null(machine.Drain()); // already drained: no event

        Assert.NotNull(machine.Undrain());
        Assert.False(machine.IsDrained);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void Seeded_state_survives_a_restart()
    {
        var time = new FakeTimeProvider(Fixtures.Start);
        var machine = new RegionStateMachine("eu", Options, time, new RegionSeed(RegionHealth.Offline, time.GetUtcNow(), Drained: true));
        Assert.Equal(RegionHealth.Offline, machine.Health);
        Assert.True(machine.IsDrained);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_field_and_value()
    {
        var bad = new HealthCheckOptions { FailureThreshold = 0, Timeout = TimeSpan.FromSeconds(20), SuccessThreshold = 21, MaxChangeFraction = 2 };
        var errors = bad.Validate();
        Assert.Contains(errors, e => e.StartsWith("FailureThreshold: 0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Timeout: 00:00:20", StringComparison.Ordinal) && e.Contains("Interval", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("SuccessThreshold: 21", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MaxChangeFraction: 2", StringComparison.Ordinal));
        var ex = Assert.Throws<HealthConfigurationException>(() => new RegionStateMachine("eu", bad));
        Assert.Contains("FailureThreshold", ex.Message, StringComparison.Ordinal);
        Assert.Empty(new HealthCheckOptions().Validate());
    }

    private static ProbeResult Result(char step, TimeProvider time) => step switch
    {
        'S' => new ProbeResult("eu", true, 200, TimeSpan.FromMilliseconds(20), null, time.GetUtcNow()),
        'L' => new ProbeResult("eu", true, 200, TimeSpan.FromSeconds(2), null, time.GetUtcNow()),
        _ => new ProbeResult("eu", false, 503, TimeSpan.FromMilliseconds(20), "HTTP 503", time.GetUtcNow()),
    };
}
