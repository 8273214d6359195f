namespace MultiRegion.Components.Planning;

/// <summary>
/// The order stacks are applied in: waves of stacks whose dependencies are all in earlier waves, so each wave may run
/// in parallel. Destroy runs the waves in reverse.
/// </summary>
public sealed record StackPlan(IReadOnlyList<PlannedStack> Stacks, IReadOnlyList<IReadOnlyList<string>> Waves)
{
    public IReadOnlyList<IReadOnlyList<string>> DestroyWaves => Waves.Reverse().ToArray();

    /// <summary>All stacks in apply order (wave by wave, names ordinal within a wave).</summary>
    public IReadOnlyList<string> Order => Waves.SelectMany(w => w).ToArray();

    public PlannedStack this[string name] => Stacks.Single(s => s.Name == name);

    /// <summary>The stacks that depend on <paramref name="name"/>, directly or not.</summary>
    public IReadOnlySet<string> DependentsOf(string name)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var frontier = new Queue<string>([name]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var dependent in Stacks.Where(s => s.DependsOn.Contains(current)).Select(s => s.Name))
            {
                if (result.Add(dependent))
                {
                    frontier.Enqueue(dependent);
                }
            }
        }

        return result;
    }

    /// <summary>The stacks <paramref name="name"/> depends on, directly or not.</summary>
    public IReadOnlySet<string> DependenciesOf(string name)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var frontier = new Queue<string>([name]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var dependency in this[current].DependsOn)
            {
                if (result.Add(dependency))
                {
                    frontier.Enqueue(dependency);
                }
            }
        }

        return result;
    }
}
