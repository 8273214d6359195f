namespace MultiRegion.Infra.Drills;

/// <summary>
/// Polls a DNS server every few milliseconds over UDP and keeps every change of the answer with the time it was first
/// seen: the drill's measure of "the DNS answer changed" (what clients see, not the checker's internal state).
/// </summary>
public sealed class DnsAnswerPoller : IAsyncDisposable
{
    private readonly DnsAnswerReader reader;
    private readonly TimeSpan period;
    private readonly TimeProvider time;
    private readonly List<DnsAnswerSample> changes = [];
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private Task? loop;
    private long polls;

    public DnsAnswerPoller(DnsAnswerReader reader, TimeSpan period, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        this.reader = reader;
        this.period = period;
        time = timeProvider ?? TimeProvider.System;
    }

    public long Polls => Interlocked.Read(ref polls);

    /// <summary>Every distinct answer in order (the first is the baseline).</summary>
    public IReadOnlyList<DnsAnswerSample> Changes
    {
        get
        {
            lock (gate)
            {
                return [.. changes];
            }
        }
    }

    public DnsAnswerSample? Latest
    {
        get
        {
            lock (gate)
            {
                return changes.Count == 0 ? null : changes[^1];
            }
        }
    }

    /// <summary>Takes the first sample, then polls in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await PollOnceAsync(cancellationToken).ConfigureAwait(false);
        var token = stop.Token;
        loop = Task.Run(() => LoopAsync(token), CancellationToken.None);
    }

    /// <summary>The first sample after <paramref name="after"/> whose answer satisfies <paramref name="predicate"/>, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<DnsAnswerSample?> WaitForAsync(DateTimeOffset after, Func<DnsAnswer, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var found = Find(after, predicate);
            if (found is not null || time.GetUtcNow() >= deadline)
            {
                return found;
            }

            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    public DnsAnswerSample? Find(DateTimeOffset after, Func<DnsAnswer, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (gate)
        {
            return changes.FirstOrDefault(c => c.At >= after && predicate(c.Answer));
        }
    }

    public async Task StopAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        if (loop is not null)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            var started = time.GetUtcNow();
            try
            {
                await PollOnceAsync(token).ConfigureAwait(false);
                var wait = period - (time.GetUtcNow() - started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PollOnceAsync(CancellationToken token)
    {
        var answer = await reader.ReadAsync(token).ConfigureAwait(false);
        var at = time.GetUtcNow();
        if (token.IsCancellationRequested)
        {
            return; // an interrupted query is not an answer
        }

        Interlocked.Increment(ref polls);
        lock (gate)
        {
            if (changes.Count == 0 || !changes[^1].Answer.SameAs(answer))
            {
                changes.Add(new DnsAnswerSample(at, answer));
            }
        }
    }
}
