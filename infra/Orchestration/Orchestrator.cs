using System.Globalization;
using MultiRegion.Components.Planning;

namespace MultiRegion.Infra.Orchestration;

/// <summary>
/// Runs one operation over a slice of the stack plan as a DAG: a stack starts as soon as every stack it must follow
/// has succeeded (not wave by wave), with at most <see cref="OrchestrationRequest.Parallelism"/> running at once.
/// Destroy runs the graph reversed. When a stack fails, every stack that (transitively) follows it is skipped while
/// independent stacks finish; with <see cref="OrchestrationRequest.FailFast"/> running stacks are cancelled and the
/// rest skipped.
/// </summary>
public sealed class Orchestrator(IStackRunner runner, TimeProvider time)
{
    public async Task<OrchestrationResult> RunAsync(
        StackPlan plan,
        OrchestrationRequest request,
        IOrchestrationObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Parallelism, 1, nameof(request));
        var graph = ExecutionGraph.For(plan, request.Operation, request.Stacks);
        var startedAt = _time.GetUtcNow();
        var run = new Run(this, graph, request, observer, cancellationToken);
        await run.ExecuteAsync();
        return new OrchestrationResult(request.Operation, graph.Order.Select(s => run.Outcomes[s]).ToArray(), startedAt, _time.GetUtcNow());
    }

    /// <summary>The state of one run; only the scheduling loop touches it.</summary>
    private sealed class Run(Orchestrator owner, ExecutionGraph graph, OrchestrationRequest request, IOrchestrationObserver? observer, CancellationToken external)
    {
        private readonly Dictionary<string, int> _waitingFor = graph.Order.ToDictionary(s => s, s => graph.PrerequisitesOf(s).Count, StringComparer.Ordinal);
        private readonly Dictionary<string, int> _rank = graph.Order.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        private readonly List<string> _ready = [];
        private readonly Dictionary<Task<StackOutcome>, string> _running = [];

        public Dictionary<string, StackOutcome> Outcomes { get; } = new(StringComparer.Ordinal);

        public async Task ExecuteAsync()
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(external);
            string? stopReason = null;
            var cancelled = Task.Delay(Timeout.Infinite, external);
            foreach (var stack in graph.Order)
            {
                Publish(new StackOutcome(stack, StackState.Queued));
                if (_waitingFor[stack] == 0)
                {
                    _ready.Add(stack);
                }
            }

            while (_ready.Count > 0 || _running.Count > 0)
            {
                if (stopReason is null && external.IsCancellationRequested)
                {
                    stopReason = "run cancelled";
                }

                while (stopReason is null && _ready.Count > 0 && _running.Count < request.Parallelism)
                {
                    Start(_ready[0], stop.Token);
                    _ready.RemoveAt(0);
                }

                if (stopReason is not null)
                {
                    foreach (var stack in _ready)
                    {
                        Skip(stack, stopReason);
                    }

                    _ready.Clear();
                }

                if (_running.Count == 0)
                {
                    break;
                }

                Task<StackOutcome> done;
                if (stopReason is null)
                {
                    // Wake on a finished stack, or on Ctrl+C so queued stacks are skipped at once.
                    var first = await Task.WhenAny(_running.Keys.Append<Task>(cancelled));
                    if (first == cancelled)
                    {
                        continue;
                    }

                    done = (Task<StackOutcome>)first;
                }
                else
                {
                    done = await Task.WhenAny(_running.Keys);
                }

                _running.Remove(done);
                var outcome = await done;
                Publish(outcome);
                if (outcome.State == StackState.Succeeded)
                {
                    foreach (var follower in graph.FollowersOf(outcome.Stack))
                    {
                        if (--_waitingFor[follower] == 0 && Outcomes[follower].State == StackState.Queued)
                        {
                            InsertReady(follower);
                        }
                    }

                    continue;
                }

                SkipFollowers(outcome);
                if (request.FailFast && stopReason is null)
                {
                    stopReason = $"cancelled by --fail-fast ({outcome.Stack} {outcome.State.Name()})";
                    await stop.CancelAsync();
                }
            }

            // Anything still queued could never start (its prerequisites were skipped with the run stopped).
            foreach (var stack in graph.Order.Where(s => Outcomes[s].State == StackState.Queued))
            {
                Skip(stack, stopReason ?? "not started");
            }
        }

        private void InsertReady(string stack)
        {
            // Keep the ready list in plan order so earlier waves win a free slot.
            var index = _ready.FindIndex(s => _rank[s] > _rank[stack]);
            _ready.Insert(index < 0 ? _ready.Count : index, stack);
        }

        private void Start(string stack, CancellationToken token)
        {
            var startedAt = owner._time.GetUtcNow();
            var logPath = request.LogDirectory is null ? null : Path.Combine(request.LogDirectory, $"{stack}.log");
            Publish(new StackOutcome(stack, StackState.Running, null, startedAt, null, logPath));
            var task = Task.Run(() => owner.RunOneAsync(request.Operation, stack, startedAt, logPath, token), CancellationToken.None);
            _running.Add(task, stack);
        }

        private void SkipFollowers(StackOutcome failed)
        {
            var verb = failed.State == StackState.Cancelled ? "was cancelled" : "failed";
            var reason = request.Operation == StackOperation.Destroy
                ? $"dependent {failed.Stack} {verb}"
                : $"dependency {failed.Stack} {verb}";
            foreach (var follower in graph.TransitiveFollowersOf(failed.Stack).Where(f => Outcomes[f].State == StackState.Queued))
            {
                _ready.Remove(follower);
                Skip(follower, reason);
            }
        }

        private void Skip(string stack, string reason) => Publish(new StackOutcome(stack, StackState.Skipped, reason));

        private void Publish(StackOutcome outcome)
        {
            Outcomes[outcome.Stack] = outcome;
            observer?.OnStackChanged(outcome);
        }
    }

    private readonly TimeProvider _time = time;

    private async Task<StackOutcome> RunOneAsync(StackOperation operation, string stack, DateTimeOffset startedAt, string? logPath, CancellationToken token)
    {
        StreamWriter? file = null;
        try
        {
            TextWriter log = TextWriter.Null;
            if (logPath is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
                file = new StreamWriter(logPath, append: false) { AutoFlush = true };
                log = TextWriter.Synchronized(file);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# multiregion {operation.ToString().ToLowerInvariant()} {stack} (target {runner.Target}), started {startedAt:O}"));
            }

            StackOutcome outcome;
            try
            {
                var result = await runner.RunAsync(operation, stack, log, token);
                outcome = new StackOutcome(stack, result.Succeeded ? StackState.Succeeded : StackState.Failed, result.Summary, startedAt, _time.GetUtcNow(), logPath);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                outcome = new StackOutcome(stack, StackState.Cancelled, "cancelled while running", startedAt, _time.GetUtcNow(), logPath);
            }
            catch (Exception ex)
            {
                outcome = new StackOutcome(stack, StackState.Failed, $"{ex.GetType().Name}: {ex.Message}", startedAt, _time.GetUtcNow(), logPath);
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {outcome.State.Name()} after {outcome.Duration?.TotalSeconds:0.0}s: {outcome.Summary}"));
            return outcome;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new StackOutcome(stack, StackState.Failed, $"cannot write the log {logPath}: {ex.Message}", startedAt, _time.GetUtcNow(), logPath);
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }
    }
}
