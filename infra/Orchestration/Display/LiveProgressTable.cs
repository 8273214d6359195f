using Spectre.Console;

namespace MultiRegion.Infra.Orchestration.Display;

/// <summary>A live Spectre.Console table of every stack's state and elapsed time, for a terminal.</summary>
public sealed class LiveProgressTable(IAnsiConsole console, TimeProvider time, string title, string? projectDirectory) : IOrchestrationObserver
{
    private readonly Lock _lock = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, StackOutcome> _outcomes = new(StringComparer.Ordinal);

    public void OnStackChanged(StackOutcome outcome)
    {
        lock (_lock)
        {
            if (!_outcomes.ContainsKey(outcome.Stack))
            {
                _order.Add(outcome.Stack);
            }

            _outcomes[outcome.Stack] = outcome;
        }
    }

    /// <summary>Shows the table, refreshed several times a second, while <paramref name="work"/> runs.</summary>
    public async Task<T> ShowWhileAsync<T>(Func<Task<T>> work)
    {
        T result = default!;
        await console.Live(Snapshot()).AutoClear(true).StartAsync(async context =>
        {
            var running = work();
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(250), time));
                context.UpdateTarget(Snapshot());
                context.Refresh();
            }

            result = await running;
        });
        return result;
    }

    private Table Snapshot()
    {
        lock (_lock)
        {
            return RunTables.Build(title, _order.Select(s => _outcomes[s]).ToArray(), time.GetUtcNow(), projectDirectory);
        }
    }
}
