namespace MultiRegion.Components.Planning;

/// <summary>Derives the stack order from the stack references (a DAG), never from a hard-coded list.</summary>
public static class StackPlanner
{
    /// <exception cref="StackCycleException">The references form a cycle.</exception>
    /// <exception cref="ArgumentException">A stack references a stack that is not in the plan.</exception>
    public static StackPlan Plan(IEnumerable<PlannedStack> stacks)
    {
        var byName = new SortedDictionary<string, PlannedStack>(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            if (!byName.TryAdd(stack.Name, stack))
            {
                throw new ArgumentException($"stack '{stack.Name}' is planned twice", nameof(stacks));
            }
        }

        foreach (var stack in byName.Values)
        {
            foreach (var dependency in stack.DependsOn.Where(d => !byName.ContainsKey(d)))
            {
                throw new ArgumentException($"stack '{stack.Name}' references stack '{dependency}', which is not part of the deployment", nameof(stacks));
            }
        }

        var cycle = FindCycle(byName);
        if (cycle is not null)
        {
            throw new StackCycleException(cycle);
        }

        // Kahn's algorithm by levels: a wave is every stack whose dependencies are all placed.
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var waves = new List<IReadOnlyList<string>>();
        while (placed.Count < byName.Count)
        {
            var wave = byName.Values
                .Where(s => !placed.Contains(s.Name) && s.DependsOn.All(placed.Contains))
                .Select(s => s.Name)
                .ToArray();
            waves.Add(wave);
            placed.UnionWith(wave);
        }

        return new StackPlan(byName.Values.ToArray(), waves);
    }

    private static List<string>? FindCycle(SortedDictionary<string, PlannedStack> stacks)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();

        List<string>? Visit(string name)
        {
            state[name] = 1;
            path.Add(name);
            foreach (var dependency in stacks[name].DependsOn.Order(StringComparer.Ordinal))
            {
                var s = state.GetValueOrDefault(dependency);
                if (s == 1)
                {
                    var start = path.IndexOf(dependency);
                    return [.. path[start..], dependency];
                }

                if (s == 0 && Visit(dependency) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[name] = 2;
            return null;
        }

        foreach (var name in stacks.Keys)
        {
            if (state.GetValueOrDefault(name) == 0 && Visit(name) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }
}
