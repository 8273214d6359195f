using System.Net;
using Microsoft.Extensions.Time.Testing;
using MultiRegion.Health.Dns;
using MultiRegion.Health.Dns.Route53;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.Tests.Support;

namespace MultiRegion.Health.Tests.Dns.Route53;

public sealed class Route53DnsProviderTests : IDisposable
{
    private const string Zone = "example.com.";
    private const string Name = "app.example.com.";
    private readonly FakeTimeProvider time = new(Fixtures.Start);
    private readonly FakeRoute53 fake;
    private readonly HttpClient http;

    public Route53DnsProviderTests()
    {
        fake = new FakeRoute53(time);
        http = new HttpClient(fake) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        http.Dispose();
        fake.Dispose();
    }

    [Fact]
    public async Task Failover_decision_is_one_change_batch_waited_to_insync()
    {
        var provider = Provider();
        var desired = new DnsRecordSet(Name, DnsRecordType.A, 30, ["192.0.2.10"]);

        await Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, [], [desired], "initial"), Ct));
        var read = await Pump(provider.ReadAsync(Zone, Name, Ct));

        Assert.Equal(desired, Assert.Single(read));
        Assert.Equal(1, fake.ChangeBatchesApplied);
        Assert.Contains(fake.Zone.Keys, k => k.StartsWith("_multiregion-owner.app.example.com.|TXT", StringComparison.Ordinal));
        Assert.Equal("\"heritage=multiregion,owner=owner-1\"", fake.Zone["_multiregion-owner.app.example.com.|TXT|"].Descendants(Route53Xml.Ns + "Value").Single().Value);
        Assert.Contains(fake.Requests, r => r.Method == "GET" && r.PathAndQuery.StartsWith("/2013-04-01/change/C", StringComparison.Ordinal));
        Assert.Empty(fake.Problems);

        var moved = desired with { Values = ["192.0.2.20"] };
        await Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, read, [moved]), Ct));
        Assert.Equal(moved, Assert.Single(await Pump(provider.ReadAsync(Zone, Name, Ct))));
        Assert.Equal(2, fake.ChangeBatchesApplied);
    }

    [Fact]
    public async Task Weighted_geo_and_latency_sets_round_trip_with_their_routing_fields()
    {
        var provider = Provider();
        DnsRecordSet[] sets =
        [
            new(Name, DnsRecordType.A, 30, ["192.0.2.1"], SetIdentifier: "eu", Weight: 70),
            new(Name, DnsRecordType.A, 30, ["192.0.2.2"], SetIdentifier: "us", Weight: 30),
        ];
        await Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, [], sets), Ct));
        Assert.Equal(sets.OrderBy(s => s.SetIdentifier), (await Pump(provider.ReadAsync(Zone, Name, Ct))).OrderBy(s => s.SetIdentifier));

        var geoName = "geo.example.com.";
        DnsRecordSet[] geo =
        [
            new(geoName, DnsRecordType.CNAME, 30, ["lb-eu.example.net."], SetIdentifier: "eu", GeoLocation: "EU"),
            new(geoName, DnsRecordType.CNAME, 30, ["lb-us.example.net."], SetIdentifier: "default", GeoLocation: "*"),
        ];
        await Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, geoName, [], geo), Ct));
        Assert.Equal(geo.OrderBy(s => s.SetIdentifier), (await Pump(provider.ReadAsync(Zone, geoName, Ct))).OrderBy(s => s.SetIdentifier));

        var latencyName = "lat.example.com.";
        DnsRecordSet[] latency = [new(latencyName, DnsRecordType.AAAA, 30, ["2001:db8::1"], SetIdentifier: "eu-west-1", Region: "eu-west-1")];
        await Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, latencyName, [], latency), Ct));
        Assert.Equal(latency, await Pump(provider.ReadAsync(Zone, latencyName, Ct)));
        Assert.Empty(fake.Problems);
    }

    public static TheoryData<int, int, int> Batching => new()
    {
        // UPSERTed weighted sets (1 value each, UPSERT counts twice) + the marker → expected ChangeBatches
        { 10, 1, 1 },
        { 499, 1, 1 },   // 998 + 2 (marker) = 1000 records: exactly one batch
        { 500, 1, 2 },   // 1002 records
        { 1200, 1, 3 },  // 2402 records → ⌈2402 / 1000⌉
        { 40, 10, 3 },   // 40 sets × 10 values × 100 chars × 2 = 80,000 value chars (+ marker) → ⌈80,052 / 32,000⌉
    };

    [Theory]
    [MemberData(nameof(Batching))]
    public async Task Large_decisions_use_the_minimum_number_of_batches_within_the_limits(int sets, int valuesPerSet, int expectedBatches)
    {
        var provider = Provider(o => o with { PollInterval = TimeSpan.Zero });
        var desired = Enumerable.Range(0, sets).Select(i => new DnsRecordSet(
            Name,
            valuesPerSet == 1 ? DnsRecordType.A : DnsRecordType.CNAME,
            30,
            valuesPerSet == 1 ? [$"10.{i / 250}.{i % 250}.1"] : [.. Enumerable.Range(0, valuesPerSet).Select(v => $"h{v}-{i:D4}".PadRight(99, 'x') + ".")],
            SetIdentifier: $"r{i:D5}",
            Weight: 1)).ToList();
        if (valuesPerSet > 1)
        {
            // A CNAME set has one value; use TXT-free A records with long IPv6 text instead is not possible, so
            // exercise the character limit through the batcher directly.
            var batcher = new Route53ChangeBatcher(1000, 32000);
            var changes = desired.Select(d => new DnsChange(DnsChangeAction.Upsert, d)).Prepend(new DnsChange(DnsChangeAction.Upsert, OwnershipMarker.RecordSet(Name, "owner-1", 300))).ToList();
            var split = batcher.Split(changes);
            Assert.Equal(expectedBatches, split.Count);
            Assert.All(split, b => Assert.True(b.Sum(c => Route53ChangeBatcher.Cost(c).Characters) <= 32000));
            return;
        }

        await Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, [], desired), Ct), step: TimeSpan.FromSeconds(1));

        Assert.Equal(expectedBatches, fake.ChangeBatchesApplied);
        Assert.Equal(expectedBatches, provider.LastBatchCount);
        Assert.Equal(expectedBatches, fake.Requests.Count(r => r.Method == "POST"));
        Assert.Empty(fake.Problems);
        Assert.Equal(sets, (await Pump(provider.ReadAsync(Zone, Name, Ct), step: TimeSpan.FromSeconds(1))).Count); // paged read
    }

    [Fact]
    public async Task Reads_follow_next_record_name_type_and_identifier_across_pages()
    {
        var provider = Provider(o => o with { PageSize = 3 });
        for (var i = 0; i < 8; i++)
        {
            fake.Seed("a.example.com.", "A", 30, $"198.51.100.{i}");
        }

        var sets = Enumerable.Range(0, 7).Select(i => FakeRoute53.RecordSet(Name, "A", 30, $"id{i}", $"192.0.2.{i}")).ToList();
        await Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, [], [.. Enumerable.Range(0, 7).Select(i => new DnsRecordSet(Name, DnsRecordType.A, 30, [$"192.0.2.{i}"], $"id{i}", 1))]), Ct));
        fake.Requests.Clear();

        var read = await Pump(provider.ReadAsync(Zone, Name, Ct));

        Assert.Equal(7, read.Count);
        var lists = fake.Requests.Where(r => r.PathAndQuery.Contains("/rrset?", StringComparison.Ordinal)).Select(r => r.PathAndQuery).ToList();
        Assert.Contains(lists, q => q.Contains("identifier=id3", StringComparison.Ordinal) && q.Contains("type=A", StringComparison.Ordinal));
        Assert.All(lists, q => Assert.Contains("maxitems=3", q, StringComparison.Ordinal));
        Assert.True(lists.Count >= 4, string.Join("\n", lists));
        Assert.Equal(sets.Count, read.Select(r => r.SetIdentifier).Distinct().Count());
    }

    public static TheoryData<string, HttpStatusCode, string, int> Retryable => new()
    {
        { "Throttling", HttpStatusCode.BadRequest, FakeRoute53.Throttling, 3 },
        { "PriorRequestNotComplete", HttpStatusCode.BadRequest, FakeRoute53.PriorRequestNotComplete, 2 },
        { "InternalFailure", HttpStatusCode.InternalServerError, FakeRoute53.InternalError, 2 },
        { "ServiceUnavailable", HttpStatusCode.ServiceUnavailable, "<html>503</html>", 1 },
    };

    [Theory]
    [MemberData(nameof(Retryable))]
    public async Task Retryable_errors_are_retried_until_the_change_converges(string because, HttpStatusCode status, string body, int times)
    {
        var provider = Provider();
        fake.FailPost(status, body, times);

        await Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, [], [new DnsRecordSet(Name, DnsRecordType.A, 30, ["192.0.2.10"])]), Ct));

        Assert.True(fake.ChangeBatchesApplied == 1, because);
        Assert.Single(await Pump(provider.ReadAsync(Zone, Name, Ct)));
    }

    [Fact]
    public async Task A_timed_out_request_is_retried()
    {
        var provider = Provider(o => o with { AttemptTimeout = TimeSpan.FromSeconds(5) });
        fake.Hang();

        var read = await Pump(provider.ReadAsync(Zone, Name, Ct), step: TimeSpan.FromMilliseconds(500));

        Assert.Empty(read);
        Assert.True(fake.Requests.Count >= 3);
    }

    [Fact]
    public async Task A_lost_response_to_an_applied_batch_converges_instead_of_failing()
    {
        var provider = Provider(o => o with { AttemptTimeout = TimeSpan.FromSeconds(5) });
        DnsRecordSet[] two = [new(Name, DnsRecordType.A, 30, ["192.0.2.1"], "eu", 1), new(Name, DnsRecordType.A, 30, ["192.0.2.2"], "us", 1)];
        await Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, [], two), Ct));
        var read = await Pump(provider.ReadAsync(Zone, Name, Ct));
        fake.LoseNextPostResponse();

        // Drop "us": the first POST lands but its answer is lost; the retry's DELETE no longer matches.
        await Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, read, [two[0]]), Ct), step: TimeSpan.FromMilliseconds(500));

        Assert.Equal([two[0]], await Pump(provider.ReadAsync(Zone, Name, Ct)));
        Assert.True(fake.Requests.Count(r => r.Method == "POST") >= 3);
    }

    [Fact]
    public async Task Persistent_throttling_fails_with_a_clear_error_and_changes_nothing()
    {
        var provider = Provider(o => o with { MaxRetryAttempts = 2 });
        var read = await Pump(provider.ReadAsync(Zone, Name, Ct));
        fake.FailPost(HttpStatusCode.BadRequest, FakeRoute53.Throttling, 10);

        var ex = await Assert.ThrowsAsync<DnsProviderException>(() => Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, read, [new DnsRecordSet(Name, DnsRecordType.A, 30, ["192.0.2.10"])]), Ct)));

        Assert.Equal("Throttling", ex.Code);
        Assert.Contains("Rate exceeded", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, fake.ChangeBatchesApplied);
    }

    [Fact]
    public async Task Invalid_change_batch_is_not_retried_and_names_the_problem()
    {
        var provider = Provider();
        var read = await Pump(provider.ReadAsync(Zone, Name, Ct));
        fake.FailPost(HttpStatusCode.BadRequest, """<?xml version="1.0"?><InvalidChangeBatch xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Messages><Message>[RRSet of type CNAME with DNS name app.example.com. is not permitted as it conflicts with other records with the same DNS name in zone example.com.]</Message></Messages><RequestId>b25f48e8-84fd-11e6-80d9-574e0c4664cb</RequestId></InvalidChangeBatch>""");
        var postsBefore = fake.Requests.Count(r => r.Method == "POST");

        var ex = await Assert.ThrowsAsync<DnsProviderException>(() => Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, read, [new DnsRecordSet(Name, DnsRecordType.CNAME, 30, ["lb.example.net."])]), Ct)));

        Assert.Equal("InvalidChangeBatch", ex.Code);
        Assert.False(ex.IsRetryable);
        Assert.Contains("conflicts with other records", ex.Message, StringComparison.Ordinal);
        Assert.Equal(postsBefore + 1, fake.Requests.Count(r => r.Method == "POST"));
        Assert.Empty(fake.Zone);
    }

    [Fact]
    public async Task Never_more_than_five_requests_in_any_second()
    {
        var provider = Provider(o => o with { PollInterval = TimeSpan.Zero });
        for (var i = 0; i < 6; i++)
        {
            var read = await Pump(provider.ReadAsync(Zone, Name, Ct), step: TimeSpan.FromMilliseconds(20));
            await Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, read, [new DnsRecordSet(Name, DnsRecordType.A, 30, [$"192.0.2.{i + 1}"])]), Ct), step: TimeSpan.FromMilliseconds(20));
        }

        var times = fake.Requests.Select(r => r.At).Order().ToList();
        Assert.True(times.Count > 20);
        for (var i = 0; i < times.Count; i++)
        {
            var inWindow = times.Count(t => t >= times[i] && t < times[i] + TimeSpan.FromSeconds(1));
            Assert.True(inWindow <= 5, $"{inWindow} requests in the second after {times[i]:O}");
        }
    }

    [Fact]
    public async Task Foreign_records_are_refused_and_left_alone()
    {
        fake.Seed(Name, "A", 300, "203.0.113.7");
        var provider = Provider();

        var ex = await Assert.ThrowsAsync<ForeignRecordException>(() => Pump(provider.ApplyAsync(DnsChangeSet.Between(Zone, Name, [], [new DnsRecordSet(Name, DnsRecordType.A, 30, ["192.0.2.1"])]), Ct)));

        Assert.Contains(Name, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, fake.ChangeBatchesApplied);
    }

    [Fact]
    public async Task Checker_fails_over_through_route53_with_set_identifiers_kept_for_weighted()
    {
        var probe = new ScriptedProbe(time);
        var service = new ServiceDefinition(Name, Zone, 30, RoutingPolicyKind.Failover, [Fixtures.Region("eu", "192.0.2.10", 2), Fixtures.Region("us", "192.0.2.20", 1)]);
        using var checker = new HealthChecker(service, Fixtures.Fast(), probe, Provider(), null, time);
        Assert.Equal(CycleOutcome.Applied, (await Pump(checker.RunOnceAsync(cancellationToken: Ct))).Outcome);
        probe.Down("eu");
        await Pump(checker.RunOnceAsync(cancellationToken: Ct));
        Assert.Equal(CycleOutcome.Applied, (await Pump(checker.RunOnceAsync(cancellationToken: Ct))).Outcome);
        Assert.Equal("192.0.2.20", fake.Zone[$"{Name}|A|"].Descendants(Route53Xml.Ns + "Value").Single().Value);
        Assert.Empty(fake.Problems);
    }

    [Fact]
    public void Options_are_validated_with_field_and_value()
    {
        var errors = new Route53Options { HostedZoneId = "not a zone!", PageSize = 500 }.Validate();
        Assert.Contains(errors, e => e.Contains("HostedZoneId", StringComparison.Ordinal) && e.Contains("not a zone!", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("PageSize", StringComparison.Ordinal) && e.Contains("500", StringComparison.Ordinal));
        Assert.Empty(new Route53Options { HostedZoneId = "/hostedzone/Z0123ABC" }.Validate());
    }

    private Route53DnsProvider Provider(Func<Route53Options, Route53Options>? configure = null)
    {
        var options = new Route53Options { HostedZoneId = "Z0TESTZONE", PollInterval = TimeSpan.FromMilliseconds(500), RetryBaseDelay = TimeSpan.FromMilliseconds(100) };
        options = configure?.Invoke(options) ?? options;
        return new Route53DnsProvider(options, new StaticAwsCredentialSource(new AwsCredentials("AKIDTEST", "secret-for-tests")), "owner-1", http, time);
    }

    /// <summary>Runs a task to completion while advancing the fake clock (rate limiter, backoff, polling).</summary>
    private async Task<T> Pump<T>(Task<T> task, TimeSpan? step = null)
    {
        for (var i = 0; i < 100_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1, Ct);
            if (!task.IsCompleted)
            {
                time.Advance(step ?? TimeSpan.FromMilliseconds(100));
            }
        }

        return await task;
    }

    private async Task Pump(Task task, TimeSpan? step = null) => await Pump(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step);
}
