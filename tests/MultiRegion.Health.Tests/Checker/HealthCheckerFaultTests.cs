using Microsoft.Extensions.Time.Testing;
using MultiRegion.Health.Dns;
using MultiRegion.Health.Dns.Embedded;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.History;
using MultiRegion.Health.Regions;
using MultiRegion.Health.Tests.Support;

namespace MultiRegion.Health.Tests.Checker;

public sealed class HealthCheckerFaultTests : IDisposable
{
    private const string Zone = "example.com.";
    private const string Name = "app.example.com.";
    private readonly FakeTimeProvider time = new(Fixtures.Start);
    private readonly EmbeddedZoneStore store = new();
    private readonly ScriptedProbe probe;
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("mr-health-");
    private readonly ServiceDefinition service = Fixtures.Service(
        RoutingPolicyKind.Failover,
        Fixtures.Region("eu", "192.0.2.10", priority: 2),
        Fixtures.Region("us", "192.0.2.20", priority: 1));

    public HealthCheckerFaultTests()
    {
        store.AddZone(Zone);
        probe = new ScriptedProbe(time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public async Task Provider_down_mid_run_is_recorded_and_retried_without_partial_state()
    {
        var provider = new SwitchableProvider(new EmbeddedDnsProvider(store, "me"));
        using var history = OpenHistory();
        using var checker = Checker(provider, history);
        await Tick(checker);
        Assert.Equal(["192.0.2.10"], Answer());

        probe.Down("eu");
        provider.WritesFail = true;
        await Tick(checker);
        var failed = await Tick(checker);
        Assert.Equal(CycleOutcome.ApplyFailed, failed.Outcome);
        Assert.Contains("HTTP 500", failed.Error, StringComparison.Ordinal);
        Assert.Equal(["192.0.2.10"], Answer()); // untouched, not half-applied

        provider.WritesFail = false;
        provider.ReadsFail = true;
        Assert.Equal(CycleOutcome.ReadFailed, (await Tick(checker)).Outcome);
        Assert.Equal(["192.0.2.10"], Answer());

        provider.ReadsFail = false;
        Assert.Equal(CycleOutcome.Applied, (await Tick(checker)).Outcome); // retried on the next tick
        Assert.Equal(["192.0.2.20"], Answer());

        var changes = history.DnsChanges();
        Assert.True(changes[0].Success);
        Assert.Contains(changes, c => !c.Success && c.Error!.Contains("HTTP 500", StringComparison.Ordinal));
        var failovers = history.Failovers();
        Assert.True(failovers[0].Success);
        Assert.False(failovers[1].Success);
        Assert.Null(failovers[1].Completed);
        var offline = history.Transitions(regionId: "eu").First(t => t.To == RegionHealth.Offline);
        Assert.Equal(offline.At, failovers[0].Started); // measured from detection, across the failed attempts
        Assert.Equal(TimeSpan.FromSeconds(2), failovers[0].Duration);
    }

    [Fact]
    public async Task RunAsync_keeps_running_when_cycles_fail()
    {
        var provider = new SwitchableProvider(new EmbeddedDnsProvider(store, "me")) { ReadsFail = true };
        using var checker = Checker(provider, null);
        var cycles = new List<CheckCycleResult>();
        checker.AddObserver(new CycleRecorder(cycles));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = checker.RunAsync(cts.Token);
        for (var i = 0; i < 50 && cycles.Count < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(20, Ct);
        }

        provider.ReadsFail = false;
        for (var i = 0; i < 50 && Answer().Count == 0; i++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(20, Ct);
        }

        await cts.CancelAsync();
        await run;
        Assert.Contains(cycles, c => c.Outcome == CycleOutcome.ReadFailed);
        Assert.Equal(["192.0.2.10"], Answer());
    }

    [Fact]
    public async Task All_regions_down_fails_open_and_keeps_the_last_good_answer()
    {
        using var checker = Checker(new EmbeddedDnsProvider(store, "me"), null);
        await Tick(checker);
        probe.Down("eu");
        await Tick(checker);
        await Tick(checker);
        Assert.Equal(["192.0.2.20"], Answer());

        probe.Down("us");
        for (var i = 0; i < 5; i++)
        {
            var cycle = await Tick(checker);
            Assert.NotEqual(CycleOutcome.Applied, cycle.Outcome);
        }

        Assert.All(checker.Regions(), r => Assert.Equal(RegionHealth.Offline, r.Health));
        var last = await Tick(checker);
        Assert.True(last.Decision!.FailOpen);
        Assert.Equal(["192.0.2.20"], Answer()); // never empty
    }

    [Fact]
    public async Task Flapping_endpoint_does_not_flip_dns()
    {
        using var checker = Checker(new EmbeddedDnsProvider(store, "me"), null, new HealthCheckOptions { FailureThreshold = 3, SuccessThreshold = 3, MinimumDwell = TimeSpan.FromSeconds(30), Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(5) });
        await Tick(checker);
        for (var i = 0; i < 40; i++)
        {
            if (i % 3 == 0)
            {
                probe.Up("eu");
            }
            else
            {
                probe.Down("eu");
            }

            Assert.NotEqual(CycleOutcome.Applied, (await Tick(checker)).Outcome);
        }

        Assert.Equal(["192.0.2.10"], Answer());
    }

    [Fact]
    public async Task Foreign_record_at_the_name_is_an_error_and_stays_untouched()
    {
        store.Apply(Zone, [new DnsChange(DnsChangeAction.Upsert, new DnsRecordSet(Name, DnsRecordType.A, 300, ["203.0.113.9"]))]);
        using var checker = Checker(new EmbeddedDnsProvider(store, "me"), null);

        var cycle = await Tick(checker);

        Assert.Equal(CycleOutcome.ForeignRecord, cycle.Outcome);
        Assert.Contains(Name, cycle.Error, StringComparison.Ordinal);
        Assert.Equal(["203.0.113.9"], Answer());
    }

    [Fact]
    public async Task Record_owned_by_another_checker_is_refused()
    {
        await new EmbeddedDnsProvider(store, "other").ApplyAsync(DnsChangeSet.Between(Zone, Name, [], [new DnsRecordSet(Name, DnsRecordType.A, 30, ["203.0.113.1"])]), Ct);
        var mine = new EmbeddedDnsProvider(store, "me");

        var ex = await Assert.ThrowsAsync<ForeignRecordException>(() => mine.ApplyAsync(DnsChangeSet.Between(Zone, Name, [], [new DnsRecordSet(Name, DnsRecordType.A, 30, ["192.0.2.1"])]), Ct));

        Assert.Contains("'other'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["203.0.113.1"], Answer());
    }

    [Fact]
    public async Task Restart_does_not_fail_over_by_itself()
    {
        var provider = new EmbeddedDnsProvider(store, "me");
        using (var history = OpenHistory())
        using (var first = Checker(provider, history))
        {
            await Tick(first);
            probe.Down("eu");
            await Tick(first);
            await Tick(first);
            Assert.Equal(["192.0.2.20"], Answer()); // failed over to us
        }

        // The primary recovered while the checker was down; a new checker must not fail back before M successes,
        // and must not move away from us (the served region) at all.
        probe.Up("eu");
        using (var history = OpenHistory())
        using (var second = Checker(provider, history))
        {
            await second.InitializeAsync(Ct);
            Assert.Equal(RegionHealth.Healthy, second.Regions().Single(r => r.RegionId == "us").Health);
            Assert.Equal(RegionHealth.Offline, second.Regions().Single(r => r.RegionId == "eu").Health);
            Assert.Equal(CycleOutcome.NoChange, (await Tick(second)).Outcome);
            Assert.Equal(CycleOutcome.Applied, (await Tick(second)).Outcome); // eu proved 2 successes: fail back
            Assert.Equal(["192.0.2.10"], Answer());
        }
    }

    [Fact]
    public async Task Restart_without_history_assumes_the_served_region_healthy()
    {
        var provider = new EmbeddedDnsProvider(store, "me");
        await provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, [], [new DnsRecordSet(Name, DnsRecordType.A, 30, ["192.0.2.20"])]), Ct);
        using var checker = Checker(provider, null);

        // Every region answers: still no move to the higher-priority eu on the first tick after the restart.
        Assert.Equal(CycleOutcome.NoChange, (await Tick(checker)).Outcome);
        Assert.Equal(["192.0.2.20"], Answer());

        // The served region fails once (below the threshold): no failover.
        probe.Down("us");
        probe.Down("eu");
        Assert.Equal(CycleOutcome.NoChange, (await Tick(checker)).Outcome);
        Assert.Equal(["192.0.2.20"], Answer());
    }

    [Fact]
    public async Task Restart_while_dns_is_unreadable_waits_for_the_answer_instead_of_guessing()
    {
        var inner = new EmbeddedDnsProvider(store, "me");
        await inner.ApplyAsync(DnsChangeSet.Between(Zone, Name, [], [new DnsRecordSet(Name, DnsRecordType.A, 30, ["192.0.2.20"])]), Ct);
        var provider = new SwitchableProvider(inner) { ReadsFail = true };
        using var checker = Checker(provider, null);

        var blind = await Tick(checker);
        Assert.Equal(CycleOutcome.ReadFailed, blind.Outcome);
        Assert.Contains("initial read", blind.Error, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DnsProviderException>(() => checker.InitializeAsync(Ct));

        provider.ReadsFail = false;
        Assert.Equal(CycleOutcome.NoChange, (await Tick(checker)).Outcome); // us is served: no fail-back by guess
        Assert.Equal(["192.0.2.20"], Answer());
        Assert.Equal(0, provider.Applies);
    }

    [Fact]
    public async Task Restart_mid_failover_resumes_from_dns_without_a_spurious_move()
    {
        var provider = new SwitchableProvider(new EmbeddedDnsProvider(store, "me"));
        using (var history = OpenHistory())
        using (var first = Checker(provider, history))
        {
            await Tick(first);
            probe.Down("eu");
            provider.WritesFail = true; // crash/failure in the middle of the failover: DNS still on eu
            await Tick(first);
            Assert.Equal(CycleOutcome.ApplyFailed, (await Tick(first)).Outcome);
        }

        provider.WritesFail = false;
        probe.Up("eu"); // eu is fine again by the time we restart
        using (var history = OpenHistory())
        using (var second = Checker(provider, history))
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(CycleOutcome.NoChange, (await Tick(second)).Outcome);
            }

            Assert.Equal(["192.0.2.10"], Answer());
        }
    }

    [Fact]
    public async Task Dry_run_records_the_change_but_does_not_apply_it()
    {
        using var history = OpenHistory();
        using var checker = new HealthChecker(service, Fixtures.Fast(), probe, new EmbeddedDnsProvider(store, "me"), history, time) { DryRun = true };

        var cycle = await Tick(checker);

        Assert.Equal(CycleOutcome.DryRun, cycle.Outcome);
        Assert.Empty(Answer());
        Assert.True(Assert.Single(history.DnsChanges()).DryRun);
    }

    [Fact]
    public async Task Drained_region_is_taken_out_immediately()
    {
        using var checker = Checker(new EmbeddedDnsProvider(store, "me"), null);
        await Tick(checker);
        checker.Drain("eu");
        Assert.Equal(CycleOutcome.Applied, (await Tick(checker)).Outcome);
        Assert.Equal(["192.0.2.20"], Answer());
        checker.Undrain("eu");
        await Tick(checker);
        Assert.Equal(["192.0.2.10"], Answer());
        Assert.Throws<HealthConfigurationException>(() => checker.Drain("mars"));
    }

    [Fact]
    public async Task A_drain_recorded_by_another_process_is_picked_up_on_the_next_cycle()
    {
        using var history = OpenHistory();
        using var checker = Checker(new EmbeddedDnsProvider(store, "me"), history);
        await Tick(checker);
        Assert.Equal(["192.0.2.10"], Answer());

        using (var cli = OpenHistory())
        {
            cli.RecordDrain("eu", true, "maintenance window", time.GetUtcNow());
        }

        Assert.Equal(CycleOutcome.Applied, (await Tick(checker)).Outcome);
        Assert.Equal(["192.0.2.20"], Answer());
        Assert.True(checker.Regions().Single(r => r.RegionId == "eu").Drained);

        // A restarted checker keeps the drain.
        using (var restarted = Checker(new EmbeddedDnsProvider(store, "me"), history))
        {
            await restarted.InitializeAsync(Ct);
            Assert.True(restarted.Regions().Single(r => r.RegionId == "eu").Drained);
            Assert.Equal(CycleOutcome.NoChange, (await Tick(restarted)).Outcome);
            restarted.Undrain("eu");
        }

        await Tick(checker);
        Assert.Equal(["192.0.2.10"], Answer());
        Assert.False(history.DrainStates()["eu"]);
    }

    [Fact]
    public async Task Change_cap_stops_a_large_weighted_change_unless_forced()
    {
        var regions = Enumerable.Range(0, 10).Select(i => Fixtures.Region($"r{i}", $"198.51.100.{i + 1}", priority: i)).ToArray();
        var weighted = new ServiceDefinition(Name, Zone, 30, RoutingPolicyKind.Weighted, regions);
        var inner = new EmbeddedDnsProvider(store, "me") { KeepRoutingSets = true };
        using var checker = new HealthChecker(weighted, Fixtures.Fast(failures: 1), probe, inner, null, time);
        Assert.Equal(CycleOutcome.Applied, (await Tick(checker)).Outcome);
        for (var i = 0; i < 4; i++)
        {
            probe.Down($"r{i}");
        }

        var refused = await Tick(checker);
        Assert.Equal(CycleOutcome.RefusedByChangeCap, refused.Outcome);
        Assert.Contains("4 of 10", refused.Error, StringComparison.Ordinal);
        Assert.Equal(10, (await inner.ReadAsync(Zone, Name, Ct)).Count);

        var forced = await checker.RunOnceAsync(force: true, Ct);
        Assert.Equal(CycleOutcome.Applied, forced.Outcome);
        Assert.Equal(6, (await inner.ReadAsync(Zone, Name, Ct)).Count);
    }

    private HealthChecker Checker(IDnsProvider provider, HealthHistory? history, HealthCheckOptions? options = null) =>
        new(service, options ?? Fixtures.Fast(), probe, provider, history, time);

    private HealthHistory OpenHistory() => HealthHistory.Open(Path.Combine(dir.FullName, "history.db"));

    private async Task<CheckCycleResult> Tick(HealthChecker checker)
    {
        time.Advance(TimeSpan.FromSeconds(1));
        return await checker.RunOnceAsync(cancellationToken: Ct);
    }

    private List<string> Answer() =>
        [.. store.Get(Zone).At(Name).SelectMany(s => s.Values).Order(StringComparer.Ordinal)];

    private sealed class CycleRecorder(List<CheckCycleResult> cycles) : IHealthCheckObserver
    {
        public void OnCycle(CheckCycleResult cycle)
        {
            lock (cycles)
            {
                cycles.Add(cycle);
            }
        }
    }
}
