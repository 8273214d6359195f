using System.Collections.Concurrent;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.Probing;

namespace MultiRegion.Health.Tests.Support;

/// <summary>A probe whose answer per region is set by the test (healthy, failing, slow).</summary>
internal sealed class ScriptedProbe(TimeProvider time) : IHealthProbe
{
    private readonly ConcurrentDictionary<string, (bool Success, TimeSpan Latency)> state = new(StringComparer.Ordinal);

    public void Up(string region, TimeSpan? latency = null) => state[region] = (true, latency ?? TimeSpan.FromMilliseconds(5));

    public void Down(string region) => state[region] = (false, TimeSpan.FromMilliseconds(5));

    public Task<ProbeResult> ProbeAsync(RegionEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        var (success, latency) = state.GetValueOrDefault(endpoint.RegionId, (true, TimeSpan.FromMilliseconds(5)));
        return Task.FromResult(new ProbeResult(endpoint.RegionId, success, success ? 200 : 503, latency, success ? null : "HTTP 503", time.GetUtcNow()));
    }
}
