using MultiRegion.Components.Planning;

namespace MultiRegion.Infra.Orchestration;

/// <summary>Which stacks of the plan a run touches: <c>--stack</c> (repeatable) widened by <c>--include-dependents</c> / <c>--include-dependencies</c>.</summary>
public static class StackSelection
{
    /// <summary>
    /// Every stack when <paramref name="requested"/> is empty; otherwise the requested stacks plus, on request, the
    /// stacks that depend on them and the stacks they depend on (both transitively).
    /// </summary>
    /// <exception cref="ArgumentException">A requested stack is not in the plan.</exception>
    public static IReadOnlySet<string> Resolve(StackPlan plan, IReadOnlyCollection<string> requested, bool includeDependents, bool includeDependencies)
    {
        if (requested.Count == 0)
        {
            return plan.Order.ToHashSet(StringComparer.Ordinal);
        }

        var unknown = requested.Where(r => !plan.Stacks.Any(s => s.Name == r)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"unknown stack{(unknown.Length > 1 ? "s" : string.Empty)} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; stacks are: {string.Join(", ", plan.Order)}", nameof(requested));
        }

        var result = requested.ToHashSet(StringComparer.Ordinal);
        foreach (var stack in requested)
        {
            if (includeDependents)
            {
                result.UnionWith(plan.DependentsOf(stack));
            }

            if (includeDependencies)
            {
                result.UnionWith(plan.DependenciesOf(stack));
            }
        }

        return result;
    }

    /// <summary>
    /// For <c>--resume</c>: of <paramref name="selected"/>, the stacks whose last recorded outcome for this operation
    /// and target is not a success (failed, skipped, cancelled, interrupted while running, or never run), plus every
    /// selected stack that follows one of them in this operation's order, since its inputs may change.
    /// </summary>
    public static IReadOnlySet<string> Unfinished(StackPlan plan, StackOperation operation, string target, IReadOnlySet<string> selected, RunState? state)
    {
        var graph = ExecutionGraph.For(plan, operation, selected);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stack in graph.Order)
        {
            var record = state?.Stacks.GetValueOrDefault(stack);
            var done = record is not null
                && record.State == StackState.Succeeded.Name()
                && string.Equals(record.Operation, operation.ToString(), StringComparison.OrdinalIgnoreCase)
                && record.Target == target;
            if (!done && result.Add(stack))
            {
                result.UnionWith(graph.TransitiveFollowersOf(stack));
            }
        }

        return result;
    }

    /// <summary>Selected stacks whose dependents are left out of a destroy (their stack references would break).</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> OrphanedDependents(StackPlan plan, IReadOnlySet<string> selected) =>
        selected
            .Select(s => (Stack: s, Left: (IReadOnlySet<string>)plan.DependentsOf(s).Where(d => !selected.Contains(d)).ToHashSet(StringComparer.Ordinal)))
            .Where(p => p.Left.Count > 0)
            .ToDictionary(p => p.Stack, p => p.Left, StringComparer.Ordinal);
}
