namespace MultiRegion.Components.Topology;

/// <summary>Settings of the regional worker pool (Celery-style workers consuming the region's queue).</summary>
public sealed record WorkerPoolSettings(
    int Replicas,
    int Concurrency,
    string Pool,
    int PrefetchMultiplier,
    int MaxTasksPerChild)
{
    public static WorkerPoolSettings Default { get; } = new(2, 4, "prefork", 1, 100);
}
