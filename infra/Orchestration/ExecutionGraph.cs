using MultiRegion.Components.Planning;

namespace MultiRegion.Infra.Orchestration;

/// <summary>
/// The plan's DAG restricted to the selected stacks and oriented for one operation: for up, preview and refresh a
/// stack follows the stacks it references; for destroy it is reversed, so a stack follows every stack that
/// depends on it. A selected stack's prerequisites outside the selection are taken as already done.
/// </summary>
public sealed class ExecutionGraph
{
    private readonly Dictionary<string, IReadOnlySet<string>> _prerequisites;
    private readonly Dictionary<string, IReadOnlySet<string>> _followers;

    private ExecutionGraph(IReadOnlyList<string> order, Dictionary<string, IReadOnlySet<string>> prerequisites, Dictionary<string, IReadOnlySet<string>> followers)
    {
        Order = order;
        _prerequisites = prerequisites;
        _followers = followers;
    }

    /// <summary>The selected stacks in a valid run order (the plan's waves, reversed for destroy).</summary>
    public IReadOnlyList<string> Order { get; }

    public static ExecutionGraph For(StackPlan plan, StackOperation operation, IEnumerable<string> selected)
    {
        var set = selected.ToHashSet(StringComparer.Ordinal);
        foreach (var name in set.Where(n => !plan.Stacks.Any(s => s.Name == n)))
        {
            throw new ArgumentException($"unknown stack '{name}'; stacks are: {string.Join(", ", plan.Order)}", nameof(selected));
        }

        var reverse = operation == StackOperation.Destroy;
        var waves = reverse ? plan.DestroyWaves : plan.Waves;
        var order = waves.SelectMany(w => w).Where(set.Contains).ToArray();
        var prerequisites = order.ToDictionary(n => n, _ => (IReadOnlySet<string>)new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var followers = order.ToDictionary(n => n, _ => (IReadOnlySet<string>)new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var stack in order)
        {
            foreach (var dependency in plan[stack].DependsOn.Where(set.Contains))
            {
                var (first, then) = reverse ? (stack, dependency) : (dependency, stack);
                ((SortedSet<string>)prerequisites[then]).Add(first);
                ((SortedSet<string>)followers[first]).Add(then);
            }
        }

        return new ExecutionGraph(order, prerequisites, followers);
    }

    /// <summary>The selected stacks that must succeed before <paramref name="stack"/> starts.</summary>
    public IReadOnlySet<string> PrerequisitesOf(string stack) => _prerequisites[stack];

    /// <summary>The selected stacks that wait directly for <paramref name="stack"/>.</summary>
    public IReadOnlySet<string> FollowersOf(string stack) => _followers[stack];

    /// <summary>Every selected stack that waits for <paramref name="stack"/>, directly or not.</summary>
    public IReadOnlySet<string> TransitiveFollowersOf(string stack)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var frontier = new Queue<string>([stack]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var follower in _followers[current].Where(result.Add))
            {
                frontier.Enqueue(follower);
            }
        }

        return result;
    }
}
