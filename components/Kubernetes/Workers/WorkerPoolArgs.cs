using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Kubernetes.Workers;

/// <summary>
/// Inputs of <see cref="RegionalWorkerPool"/>. Settings come from the region's <see cref="WorkerPoolSettings"/>
/// (replicas, concurrency, pool, prefetch multiplier, max tasks per child); the broker URL comes from a Secret
/// that must exist in the namespace (provisioned out of band, e.g. by External Secrets), never from an inline
/// value. Defaults: restricted pod security (non-root uid 10001, read-only root filesystem, all capabilities
/// dropped, RuntimeDefault seccomp, no privilege escalation, no service-account token), requests and limits,
/// an HPA on CPU, a PDB allowing one pod down, a 5-minute warm-shutdown grace period.
/// </summary>
public sealed record WorkerPoolArgs(string PoolName, string Image, IReadOnlyList<string> Queues, WorkerPoolSettings Settings)
{
    /// <summary>The namespace (created by the pool); defaults to <c>workers-{pool}</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary>The Celery application module (<c>celery -A {app} worker</c>).</summary>
    public string CeleryApp { get; init; } = "app";

    /// <summary>The Secret holding the broker URL, and its key.</summary>
    public string BrokerSecretName { get; init; } = "broker-credentials";

    public string BrokerSecretKey { get; init; } = "url";

    public string CpuRequest { get; init; } = "250m";

    public string MemoryRequest { get; init; } = "256Mi";

    public string CpuLimit { get; init; } = "1";

    public string MemoryLimit { get; init; } = "512Mi";

    /// <summary>The HPA's ceiling; defaults to four times the configured replicas.</summary>
    public int? MaxReplicas { get; init; }

    public int TargetCpuUtilization { get; init; } = 70;

    public int TerminationGracePeriodSeconds { get; init; } = 300;

    public long RunAsUser { get; init; } = 10001;

    /// <summary>Extra labels on every object (the region id, the pool kind).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public string NamespaceName => Namespace ?? $"workers-{PoolName}";

    public int HpaMaxReplicas => Math.Max(MaxReplicas ?? Settings.Replicas * 4, Math.Max(1, Settings.Replicas));
}
