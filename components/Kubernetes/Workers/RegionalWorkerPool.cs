using System.Globalization;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Kubernetes.Workers;

/// <summary>
/// A pool of Celery-style workers in one cluster: a namespace (Pod Security "restricted" enforced), a service
/// account without an API token, a Deployment consuming <see cref="WorkerPoolArgs.Queues"/> (the region's queue and
/// the shared fallback queue for a regional pool; only the fallback queue for the central fallback pool), a
/// HorizontalPodAutoscaler (autoscaling/v2) and a PodDisruptionBudget (policy/v1).
/// The pool settings reach the worker as command-line flags and as environment variables.
/// </summary>
public sealed class RegionalWorkerPool : Component
{
    public RegionalWorkerPool(IConstruct scope, string name, WorkerPoolArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Queues.Count == 0)
        {
            throw new ArgumentException("a worker pool consumes at least one queue", nameof(args));
        }

        var s = args.Settings;
        var ns = args.NamespaceName;
        var app = $"worker-{args.PoolName}";
        var selector = new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = "worker",
            ["app.kubernetes.io/instance"] = app,
        };
        var labels = new Dictionary<string, string>(selector)
        {
            ["app.kubernetes.io/managed-by"] = "multiregion",
            ["app.kubernetes.io/component"] = "worker",
        };
        foreach (var (key, value) in args.Labels)
        {
            labels[key] = value;
        }

        string I(int n) => n.ToString(CultureInfo.InvariantCulture);
        var queues = string.Join(',', args.Queues);

        Namespace = Resource("namespace", KubernetesTypes.Namespace, Value.Map(
            ("metadata", Value.Map(
                ("name", ns),
                ("labels", MapValue.Of(new Dictionary<string, string>(labels)
                {
                    ["pod-security.kubernetes.io/enforce"] = "restricted",
                    ["pod-security.kubernetes.io/audit"] = "restricted",
                    ["pod-security.kubernetes.io/warn"] = "restricted",
                }))))));
        var nsName = Namespace.Output("metadata.name");
        var metadata = Value.Map(("name", app), ("namespace", nsName), ("labels", MapValue.Of(labels)));

        ServiceAccount = Resource("serviceAccount", KubernetesTypes.ServiceAccount, Value.Map(
            ("metadata", metadata),
            ("automountServiceAccountToken", false)));

        var container = Value.Map(
            ("name", "worker"),
            ("image", args.Image),
            ("imagePullPolicy", "IfNotPresent"),
            ("command", Value.List("celery")),
            ("args", Value.List(
                "-A", args.CeleryApp, "worker",
                "--queues", queues,
                "--concurrency", I(s.Concurrency),
                "--pool", s.Pool,
                "--prefetch-multiplier", I(s.PrefetchMultiplier),
                "--max-tasks-per-child", I(s.MaxTasksPerChild),
                "--loglevel", "INFO")),
            ("env", Value.List(
                Value.Map(("name", "CELERY_BROKER_URL"), ("valueFrom", Value.Map(("secretKeyRef", Value.Map(
                    ("name", args.BrokerSecretName),
                    ("key", args.BrokerSecretKey),
                    ("optional", false)))))),
                Env("WORKER_POOL", args.PoolName),
                Env("WORKER_QUEUES", queues),
                Env("WORKER_CONCURRENCY", I(s.Concurrency)),
                Env("WORKER_POOL_KIND", s.Pool),
                Env("WORKER_PREFETCH_MULTIPLIER", I(s.PrefetchMultiplier)),
                Env("WORKER_MAX_TASKS_PER_CHILD", I(s.MaxTasksPerChild)),
                Env("TMPDIR", "/tmp"))),
            ("resources", Value.Map(
                ("requests", Value.Map(("cpu", args.CpuRequest), ("memory", args.MemoryRequest))),
                ("limits", Value.Map(("cpu", args.CpuLimit), ("memory", args.MemoryLimit))))),
            ("securityContext", Value.Map(
                ("runAsNonRoot", true),
                ("runAsUser", args.RunAsUser),
                ("runAsGroup", args.RunAsUser),
                ("allowPrivilegeEscalation", false),
                ("readOnlyRootFilesystem", true),
                ("privileged", false),
                ("capabilities", Value.Map(("drop", Value.List("ALL")))),
                ("seccompProfile", Value.Map(("type", "RuntimeDefault"))))),
            ("volumeMounts", Value.List(Value.Map(("name", "tmp"), ("mountPath", "/tmp")))));

        Deployment = Resource("deployment", KubernetesTypes.Deployment, Value.Map(
            ("metadata", metadata),
            ("spec", Value.Map(
                ("replicas", s.Replicas),
                ("revisionHistoryLimit", 5),
                ("selector", Value.Map(("matchLabels", MapValue.Of(selector)))),
                ("strategy", Value.Map(
                    ("type", "RollingUpdate"),
                    ("rollingUpdate", Value.Map(("maxSurge", "25%"), ("maxUnavailable", 0))))),
                ("template", Value.Map(
                    ("metadata", Value.Map(("labels", MapValue.Of(labels)))),
                    ("spec", Value.Map(
                        ("serviceAccountName", ServiceAccount.Output("metadata.name")),
                        ("automountServiceAccountToken", false),
                        ("terminationGracePeriodSeconds", args.TerminationGracePeriodSeconds),
                        ("securityContext", Value.Map(
                            ("runAsNonRoot", true),
                            ("runAsUser", args.RunAsUser),
                            ("runAsGroup", args.RunAsUser),
                            ("fsGroup", args.RunAsUser),
                            ("seccompProfile", Value.Map(("type", "RuntimeDefault"))))),
                        ("containers", Value.List(container)),
                        ("volumes", Value.List(Value.Map(("name", "tmp"), ("emptyDir", Value.Map(("sizeLimit", "1Gi"))))))))))))),
            // The HPA owns the replica count once the Deployment exists.
            new ResourceOptions { IgnoreChanges = ["spec.replicas"] });

        if (s.Replicas > 0)
        {
            Autoscaler = Resource("autoscaler", KubernetesTypes.HorizontalPodAutoscaler, Value.Map(
                ("metadata", metadata),
                ("spec", Value.Map(
                    ("scaleTargetRef", Value.Map(("apiVersion", "apps/v1"), ("kind", "Deployment"), ("name", Deployment.Output("metadata.name")))),
                    ("minReplicas", s.Replicas),
                    ("maxReplicas", args.HpaMaxReplicas),
                    ("metrics", Value.List(Value.Map(
                        ("type", "Resource"),
                        ("resource", Value.Map(
                            ("name", "cpu"),
                            ("target", Value.Map(("type", "Utilization"), ("averageUtilization", args.TargetCpuUtilization)))))))),
                    ("behavior", Value.Map(("scaleDown", Value.Map(("stabilizationWindowSeconds", 300)))))))));

            DisruptionBudget = Resource("disruptionBudget", KubernetesTypes.PodDisruptionBudget, Value.Map(
                ("metadata", metadata),
                ("spec", Value.Map(
                    ("maxUnavailable", 1),
                    ("selector", Value.Map(("matchLabels", MapValue.Of(selector))))))));
        }
    }

    public Resource Namespace { get; }

    public Resource ServiceAccount { get; }

    public Resource Deployment { get; }

    /// <summary>Absent when the pool is scaled to zero (an HPA cannot have minReplicas 0).</summary>
    public Resource? Autoscaler { get; }

    public Resource? DisruptionBudget { get; }

    private static Value Env(string name, string value) => Value.Map(("name", name), ("value", value));
}
