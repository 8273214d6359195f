namespace MultiRegion.Health.Dns.Route53;

/// <summary>
/// Spaces requests at least 1/rate apart on the injected clock, so any one-second window holds at most
/// <c>rate</c> requests (Route 53: 5 per second per account).
/// </summary>
public sealed class RequestRateLimiter(double requestsPerSecond, TimeProvider timeProvider)
{
    private readonly TimeSpan spacing = TimeSpan.FromSeconds(1 / requestsPerSecond);
    private readonly Lock gate = new();
    private DateTimeOffset? lastSlot;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan delay;
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            var slot = lastSlot is { } last && last + spacing > now ? last + spacing : now;
            lastSlot = slot;
            delay = slot - now;
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
