using System.Net;
using MultiRegion.Health;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.Probing;
using MultiRegion.Health.Regions;
using MultiRegion.Health.Routing;

namespace MultiRegion.Infra.Drills;

/// <summary>
/// Checks, independently of the checker, that DNS answers what the routing policy wants: it probes every region's
/// health URL once itself, lets the policy decide (failover: the highest-priority healthy region), queries the DNS
/// server over UDP and compares. Works against the sandbox and against any DNS server.
/// </summary>
public sealed class FailoverVerifier(ServiceDefinition service, IPEndPoint dnsServer, TimeSpan? probeTimeout = null)
{
    private readonly TimeSpan timeout = probeTimeout ?? TimeSpan.FromSeconds(2);

    public async Task<VerifyOutcome> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var options = new HealthCheckOptions { Interval = timeout * 2, Timeout = timeout, VerifyTls = true };
        using var probe = new HttpHealthProbe(options);
        var results = await Task.WhenAll(service.Endpoints.Select(e => probe.ProbeAsync(e, cancellationToken))).ConfigureAwait(false);
        var statuses = service.Endpoints.Zip(results, (e, r) => new RegionStatus(e, r.Success ? RegionHealth.Healthy : RegionHealth.Offline)).ToList();
        var decision = RoutingPolicies.Create(service.Policy).Decide(new RoutingContext(service.Service, service.Ttl, statuses, []));
        var targets = service.Endpoints.OrderByDescending(e => e.Priority).ThenBy(e => e.RegionId, StringComparer.Ordinal).Select(e => (e.RegionId, e.CanonicalTarget)).ToList();

        using var reader = new DnsAnswerReader(dnsServer, service.Service);
        var answer = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var answered = answer.Regions(targets);
        var expected = decision.ActiveRegions;
        var health = string.Join(", ", results.Select(r => $"{r.RegionId} {(r.Success ? "healthy" : $"failing ({r.Error})")}"));
        if (answer.IsError)
        {
            return new VerifyOutcome(false, $"FAIL: {service.Service} has no answer from {dnsServer}: {answer.Error} (regions: {health})", answer, expected, answered);
        }

        var passed = answered.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        var why = decision.FailOpen ? "no region is healthy (fail open)" : decision.Reason;
        var message = passed
            ? $"ok: {service.Service} → {answer.Describe(targets)}: {why}"
            : $"FAIL: {service.Service} → {answer.Describe(targets)}, expected {string.Join(", ", expected)}: {why} (regions: {health})";
        return new VerifyOutcome(passed, message, answer, expected, answered);
    }

    /// <summary>Verifies until it passes or <paramref name="wait"/> has passed (zero: once).</summary>
    public async Task<VerifyOutcome> VerifyAsync(TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            var outcome = await VerifyAsync(cancellationToken).ConfigureAwait(false);
            if (outcome.Passed || DateTimeOffset.UtcNow >= deadline)
            {
                return outcome;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }
}
