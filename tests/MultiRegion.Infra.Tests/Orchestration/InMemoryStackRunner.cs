using System.Collections.Concurrent;
using MultiRegion.Infra.Orchestration;

namespace MultiRegion.Infra.Tests.Orchestration;

/// <summary>An <see cref="IStackRunner"/> in memory: records starts and ends, counts concurrency, behaves per stack as told.</summary>
internal sealed class InMemoryStackRunner : IStackRunner
{
    private readonly ConcurrentDictionary<string, Func<CancellationToken, Task<StackRunResult>>> _behaviours = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _current;

    public string Target => "memory";

    public ConcurrentQueue<(string Stack, string Event)> Events { get; } = new();

    public ConcurrentQueue<(StackOperation Operation, string Stack)> Calls { get; } = new();

    public int MaxConcurrent { get; private set; }

    public int Started => Calls.Count;

    /// <summary>What every stack without its own behaviour does.</summary>
    public Func<string, CancellationToken, Task<StackRunResult>> Default { get; set; } = (stack, _) => Task.FromResult(new StackRunResult(true, $"{stack} done"));

    public InMemoryStackRunner On(string stack, Func<CancellationToken, Task<StackRunResult>> behaviour)
    {
        _behaviours[stack] = behaviour;
        return this;
    }

    public InMemoryStackRunner Fail(string stack, string summary = "boom") => On(stack, _ => Task.FromResult(new StackRunResult(false, summary)));

    /// <summary>The stack runs until cancelled.</summary>
    public InMemoryStackRunner Hang(string stack) => On(stack, async ct =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        return new StackRunResult(true, "unreachable");
    });

    /// <summary>Thrown by <see cref="PreflightAsync"/> when set.</summary>
    public Exception? PreflightError { get; set; }

    public Task PreflightAsync(CancellationToken cancellationToken) => PreflightError is null ? Task.CompletedTask : Task.FromException(PreflightError);

    public async Task<StackRunResult> RunAsync(StackOperation operation, string stack, TextWriter log, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _current++;
            MaxConcurrent = Math.Max(MaxConcurrent, _current);
        }

        Calls.Enqueue((operation, stack));
        Events.Enqueue((stack, "start"));
        log.WriteLine($"{operation} {stack}");
        try
        {
            return _behaviours.TryGetValue(stack, out var behaviour)
                ? await behaviour(cancellationToken)
                : await Default(stack, cancellationToken);
        }
        finally
        {
            Events.Enqueue((stack, "end"));
            lock (_lock)
            {
                _current--;
            }
        }
    }

    public int IndexOf(string stack, string @event) => Events.ToList().FindIndex(e => e.Stack == stack && e.Event == @event);
}

/// <summary>Records every change an observer sees.</summary>
internal sealed class RecordingObserver : IOrchestrationObserver
{
    public List<StackOutcome> Changes { get; } = [];

    public void OnStackChanged(StackOutcome outcome) => Changes.Add(outcome);
}
