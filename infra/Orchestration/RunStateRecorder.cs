namespace MultiRegion.Infra.Orchestration;

/// <summary>
/// Keeps the state file current during a run: every start and every final outcome is written at once, so a run
/// killed half-way still leaves an accurate record (its running stacks stay <c>running</c>, i.e. unfinished).
/// </summary>
public sealed class RunStateRecorder : IOrchestrationObserver
{
    private readonly RunStateStore _store;
    private readonly Dictionary<string, StackRecord> _stacks;
    private RunRecord _run;

    public RunStateRecorder(RunStateStore store, RunState? previous, RunRecord run)
    {
        _store = store;
        _run = run;
        _stacks = new Dictionary<string, StackRecord>(previous?.Stacks ?? RunState.Empty.Stacks, StringComparer.Ordinal);
        Save();
    }

    public void OnStackChanged(StackOutcome outcome)
    {
        if (outcome.State == StackState.Queued)
        {
            return;
        }

        _stacks[outcome.Stack] = new StackRecord(_run.Operation, _run.Target, outcome.State.Name(), _run.RunId, outcome.StartedAt, outcome.EndedAt, outcome.Summary, outcome.LogPath);
        Save();
    }

    public void Complete(DateTimeOffset endedAt)
    {
        _run = _run with { EndedAt = endedAt };
        Save();
    }

    /// <summary>The last error writing the state file, if any: the run goes on, but <c>--resume</c> may not know of it.</summary>
    public string? SaveError { get; private set; }

    private void Save()
    {
        try
        {
            _store.Save(new RunState(RunState.CurrentVersion, _run, _stacks));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            SaveError = $"cannot write {_store.Path}: {ex.Message}";
        }
    }
}
