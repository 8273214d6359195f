using MultiRegion.Health.Dns;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.Regions;
using MultiRegion.Health.Routing;
using MultiRegion.Health.Tests.Support;

namespace MultiRegion.Health.Tests.Routing;

public sealed class RoutingPolicyTests
{
    private static readonly RegionEndpoint Eu = Fixtures.Region("eu", "192.0.2.1", priority: 30, weight: 50, geo: "EU");
    private static readonly RegionEndpoint Us = Fixtures.Region("us", "192.0.2.2", priority: 20, weight: 30, geo: "NA");
    private static readonly RegionEndpoint Ap = Fixtures.Region("ap", "192.0.2.3", priority: 10, weight: 20, geo: "*");

    // States: H healthy, D degraded, O offline, X drained (healthy), - disabled (healthy). Order: eu, us, ap.
    public static TheoryData<string, string, string, bool> Failover => new()
    {
        { "all healthy: highest priority wins", "HHH", "192.0.2.1", false },
        { "primary offline: next priority", "OHH", "192.0.2.2", false },
        { "primary drained: next priority", "XHH", "192.0.2.2", false },
        { "primary disabled: next priority", "-HH", "192.0.2.2", false },
        { "degraded primary loses to a healthy lower priority", "DHH", "192.0.2.2", false },
        { "only degraded regions: best degraded is used", "DDO", "192.0.2.1", false },
        { "degraded beats offline", "ODO", "192.0.2.2", false },
        { "only the last region healthy", "OOH", "192.0.2.3", false },
        { "all offline with nothing published: fail open to the most preferred enabled region", "OOO", "192.0.2.1", true },
        { "all drained and offline: still never empty", "XXO", "192.0.2.1", true },
    };

    [Theory]
    [MemberData(nameof(Failover))]
    public void Failover_policy_picks_one_active_region(string because, string states, string expected, bool failOpen)
    {
        var decision = new FailoverPolicy().Decide(Context(states, []));
        var record = Assert.Single(decision.Records);
        Assert.True(expected == record.Values.Single(), because);
        Assert.Equal(DnsRecordType.A, record.Type);
        Assert.Equal(failOpen, decision.FailOpen);
        Assert.NotEmpty(decision.ActiveRegions);
    }

    public static TheoryData<string, string, string> Weighted => new()
    {
        { "all healthy: every region with its weight", "HHH", "eu:50,us:30,ap:20" },
        { "offline region withdrawn", "HOH", "eu:50,ap:20" },
        { "drained region withdrawn", "HHX", "eu:50,us:30" },
        { "degraded withdrawn while a healthy one exists", "DHO", "us:30" },
        { "only degraded: degraded ones used", "DDO", "eu:50,us:30" },
        { "all offline, nothing published: every enabled region", "OOO", "eu:50,us:30,ap:20" },
    };

    [Theory]
    [MemberData(nameof(Weighted))]
    public void Weighted_policy_publishes_serving_regions_by_weight(string because, string states, string expected)
    {
        var decision = new WeightedPolicy().Decide(Context(states, []));
        Assert.True(expected == string.Join(",", decision.Records.Select(r => $"{r.SetIdentifier}:{r.Weight}")), because);
    }

    [Theory]
    [InlineData("HHH", "eu,us,ap")]
    [InlineData("OHD", "us")]
    [InlineData("OOD", "ap")]
    public void Latency_policy_has_one_record_per_serving_region(string states, string expected)
    {
        var decision = new LatencyPolicy().Decide(Context(states, []));
        Assert.Equal(expected, string.Join(",", decision.Records.Select(r => r.SetIdentifier)));
        Assert.All(decision.Records, r => Assert.Equal(r.SetIdentifier, r.Region));
    }

    public static TheoryData<string, string, string> Geo => new()
    {
        { "all healthy: each continent plus the configured default", "HHH", "EU=192.0.2.1,NA=192.0.2.2,*=192.0.2.3" },
        { "EU down: EU withdrawn, default stays", "OHH", "NA=192.0.2.2,*=192.0.2.3" },
        { "default region down: the most preferred serving region answers *", "HHO", "EU=192.0.2.1,NA=192.0.2.2,*=192.0.2.1" },
        { "only NA serving: NA and default both NA", "OHO", "NA=192.0.2.2,*=192.0.2.2" },
    };

    [Theory]
    [MemberData(nameof(Geo))]
    public void Geo_policy_withdraws_unhealthy_regions_and_keeps_a_default(string because, string states, string expected)
    {
        var decision = new GeoPolicy().Decide(Context(states, []));
        Assert.True(expected == string.Join(",", decision.Records.Select(r => $"{r.GeoLocation}={r.Values[0]}")), because);
    }

    public static TheoryData<string> AllPolicies => new() { "failover", "weighted", "latency", "geo" };

    [Theory]
    [MemberData(nameof(AllPolicies))]
    public void Every_policy_fails_open_to_the_current_answer_and_never_publishes_nothing(string name)
    {
        var policy = RoutingPolicies.Create(Enum.Parse<RoutingPolicyKind>(name, ignoreCase: true));
        var current = new List<DnsRecordSet> { new("app.example.com.", DnsRecordType.A, 30, ["192.0.2.2"]) };

        var decision = policy.Decide(Context("OOO", current));

        Assert.True(decision.FailOpen);
        Assert.Equal(current, decision.Records);
        Assert.Equal(["us"], decision.ActiveRegions);

        var fresh = policy.Decide(Context("OOO", []));
        Assert.True(fresh.FailOpen);
        Assert.NotEmpty(fresh.Records);
        Assert.All(fresh.Records, r => Assert.NotEmpty(r.Values));
    }

    [Fact]
    public void Host_name_targets_become_cname_records()
    {
        var a = Fixtures.Region("a", "lb-a.example.net", priority: 2);
        var b = Fixtures.Region("b", "lb-b.example.net", priority: 1);
        var context = new RoutingContext("app.example.com.", 30, [new RegionStatus(a, RegionHealth.Offline), new RegionStatus(b, RegionHealth.Healthy)], []);
        var record = Assert.Single(new FailoverPolicy().Decide(context).Records);
        Assert.Equal(DnsRecordType.CNAME, record.Type);
        Assert.Equal("lb-b.example.net.", record.Values.Single());
    }

    [Fact]
    public void Flattening_merges_weighted_records_for_providers_without_routing()
    {
        var decision = new WeightedPolicy().Decide(Context("HHO", []));
        var flat = Assert.Single(RecordSetFlattener.Flatten(decision.Records));
        Assert.Null(flat.SetIdentifier);
        Assert.Equal(["192.0.2.1", "192.0.2.2"], flat.NormalizedValues());
    }

    public static TheoryData<int, int, bool, bool> Caps => new()
    {
        // existing record sets, changed, force → allowed
        { 10, 3, false, true },
        { 10, 4, false, false },
        { 10, 4, true, true },
        { 20, 6, false, true },
        { 20, 7, false, false },
        { 9, 9, false, true }, // below the minimum size the cap does not apply (a failover record must move)
        { 1, 1, false, true },
    };

    [Theory]
    [MemberData(nameof(Caps))]
    public void Change_cap_refuses_large_changes_unless_forced(int existing, int changed, bool force, bool allowed)
    {
        var current = Enumerable.Range(0, existing).Select(i => new DnsRecordSet("app.example.com.", DnsRecordType.A, 30, [$"198.51.100.{i}"], SetIdentifier: $"r{i}", Weight: 1)).ToList();
        var desired = current.Select((r, i) => i < changed ? r with { Weight = 2 } : r).ToList();
        var changes = DnsChangeSet.Between("example.com.", "app.example.com.", current, desired);
        Assert.Equal(changed, changes.Changes.Count);

        var check = new ChangeLimiter(new HealthCheckOptions()).Check(current, changes, force);

        Assert.Equal(allowed, check.Allowed);
        if (!allowed)
        {
            Assert.Contains("refused", check.Message, StringComparison.Ordinal);
        }
    }

    private static RoutingContext Context(string states, IReadOnlyList<DnsRecordSet> current)
    {
        RegionEndpoint[] endpoints = [Eu, Us, Ap];
        var regions = endpoints.Select((e, i) => states[i] switch
        {
            'H' => new RegionStatus(e, RegionHealth.Healthy),
            'D' => new RegionStatus(e, RegionHealth.Degraded),
            'O' => new RegionStatus(e, RegionHealth.Offline),
            'X' => new RegionStatus(e, RegionHealth.Healthy, Drained: true),
            _ => new RegionStatus(e with { Enabled = false }, RegionHealth.Healthy),
        }).ToList();
        return new RoutingContext("app.example.com.", 30, regions, current);
    }
}
