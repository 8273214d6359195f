using MultiRegion.Components.Graph;
using MultiRegion.Components.Kubernetes;
using MultiRegion.Components.Kubernetes.Workers;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Tests.Support;

namespace MultiRegion.Components.Tests.Kubernetes;

public sealed class WorkerPoolTests : IDisposable
{
    private const string Regions = """
              - id: us-east-1
                role: primary
                priority: 100
                cidr: 10.0.0.0/16
                workerPool: { replicas: 3, concurrency: 8, pool: prefork, prefetchMultiplier: 2, maxTasksPerChild: 50 }
              - id: us-west-2
                role: secondary
                priority: 90
                cidr: 10.1.0.0/16
        """;

    private readonly TestProject _project = TestProject.Create(TestProject.ProjectYaml(Regions), new Dictionary<string, string>
    {
        ["global"] = "config:\n  aws:region: us-east-1\n",
        ["us-east-1"] = "config:\n  aws:region: us-east-1\n  multiregion:kubeContext: eks-east\n  multiregion:brokerSecret: rabbit\n",
        ["us-west-2"] = "config:\n  aws:region: us-west-2\n",
        ["cross-region"] = "config:\n  aws:region: us-east-1\n  multiregion:kubeContext: control\n",
    });

    public void Dispose() => _project.Dispose();

    private StackDefinition Build(string stack) => _project.Synthesizer().Build(stack);

    [Fact]
    public void Region_with_a_kube_context_gets_a_provider_for_that_context()
    {
        var stack = Build("us-east-1");
        var provider = stack.Single(KubernetesTypes.Provider);
        Assert.Equal("eks-east", provider.Literal("context"));
        Assert.All(stack.Resources.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)), r => Assert.Same(provider, r.Options.Provider));
    }

    [Fact]
    public void Region_without_a_kube_context_has_no_workers()
    {
        var stack = Build("us-west-2");
        Assert.DoesNotContain(stack.Resources, r => r.Package == "kubernetes");
        Assert.False(stack.Outputs.ContainsKey(WorkerPoolAddOn.WorkerQueueOutput));
    }

    [Fact]
    public void Regional_deployment_consumes_its_queue_and_the_fallback_queue_with_the_pool_settings()
    {
        var stack = Build("us-east-1");
        var deployment = stack.Single(KubernetesTypes.Deployment);
        Assert.Equal(3, deployment.Literal("spec.replicas"));
        var args = deployment.Literals("spec.template.spec.containers.0.args");
        Assert.Equal("region_us-east-1,fallback", args[args.IndexOf("--queues") + 1]);
        Assert.Equal("8", args[args.IndexOf("--concurrency") + 1]);
        Assert.Equal("prefork", args[args.IndexOf("--pool") + 1]);
        Assert.Equal("2", args[args.IndexOf("--prefetch-multiplier") + 1]);
        Assert.Equal("50", args[args.IndexOf("--max-tasks-per-child") + 1]);
        Assert.Equal("registry.example.com/worker:1", deployment.Literal("spec.template.spec.containers.0.image"));
        Assert.Equal("region_us-east-1", ((Scalar)stack.Outputs[WorkerPoolAddOn.WorkerQueueOutput]).Literal);
    }

    [Fact]
    public void Broker_url_comes_from_a_secret_reference_never_inline()
    {
        var container = Build("us-east-1").Single(KubernetesTypes.Deployment).At("spec.template.spec.containers.0");
        var env = ((ListValue)StackQueries.At(container, "env")!).Items;
        var broker = Assert.Single(env, e => (StackQueries.At(e, "name") as Scalar)?.Literal as string == "CELERY_BROKER_URL");
        Assert.Null(StackQueries.At(broker, "value"));
        Assert.Equal("rabbit", (StackQueries.At(broker, "valueFrom.secretKeyRef.name") as Scalar)?.Literal);
        Assert.Equal("url", (StackQueries.At(broker, "valueFrom.secretKeyRef.key") as Scalar)?.Literal);
        Assert.DoesNotContain(env, e => ((StackQueries.At(e, "value") as Scalar)?.Literal as string ?? string.Empty).Contains("://", StringComparison.Ordinal));
    }

    [Fact]
    public void Pods_run_non_root_read_only_without_capabilities_under_runtime_default_seccomp()
    {
        var deployment = Build("us-east-1").Single(KubernetesTypes.Deployment);
        Assert.Equal(true, deployment.Literal("spec.template.spec.securityContext.runAsNonRoot"));
        Assert.Equal("RuntimeDefault", deployment.Literal("spec.template.spec.securityContext.seccompProfile.type"));
        const string c = "spec.template.spec.containers.0.securityContext.";
        Assert.Equal(true, deployment.Literal(c + "runAsNonRoot"));
        Assert.Equal(true, deployment.Literal(c + "readOnlyRootFilesystem"));
        Assert.Equal(false, deployment.Literal(c + "allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], deployment.Literals(c + "capabilities.drop"));
        Assert.Equal("RuntimeDefault", deployment.Literal(c + "seccompProfile.type"));
        Assert.NotNull(deployment.At("spec.template.spec.containers.0.resources.requests.cpu"));
        Assert.NotNull(deployment.At("spec.template.spec.containers.0.resources.limits.memory"));
        Assert.Equal(false, deployment.Literal("spec.template.spec.automountServiceAccountToken"));
    }

    [Fact]
    public void Pool_has_a_restricted_namespace_an_hpa_and_a_pdb()
    {
        var stack = Build("us-east-1");
        var ns = stack.Single(KubernetesTypes.Namespace);
        Assert.Equal("workers-us-east-1", ns.Literal("metadata.name"));
        Assert.Equal("restricted", ns.Literal("metadata.labels.pod-security.kubernetes.io/enforce") ?? LabelOf(ns, "pod-security.kubernetes.io/enforce"));
        var hpa = stack.Single(KubernetesTypes.HorizontalPodAutoscaler);
        Assert.Equal(3, hpa.Literal("spec.minReplicas"));
        Assert.Equal(12, hpa.Literal("spec.maxReplicas"));
        Assert.Equal("Deployment", hpa.Literal("spec.scaleTargetRef.kind"));
        Assert.Equal(1, stack.Single(KubernetesTypes.PodDisruptionBudget).Literal("spec.maxUnavailable"));
    }

    [Fact]
    public void Central_fallback_pool_lives_in_the_cross_region_stack_and_consumes_only_the_fallback_queue()
    {
        var cross = Build("cross-region");
        Assert.Equal("control", cross.Single(KubernetesTypes.Provider).Literal("context"));
        var args = cross.Single(KubernetesTypes.Deployment).Literals("spec.template.spec.containers.0.args");
        Assert.Equal("fallback", args[args.IndexOf("--queues") + 1]);
        Assert.Equal("workers-fallback", cross.Single(KubernetesTypes.Namespace).Literal("metadata.name"));
    }

    [Fact]
    public void Kube_context_without_an_image_is_rejected_at_load()
    {
        var yaml = TestProject.ProjectYaml(Regions).Replace("  workerImage: registry.example.com/worker:1\n", string.Empty, StringComparison.Ordinal);
        using var project = TestProject.Create(yaml, new Dictionary<string, string>
        {
            ["global"] = "config:\n  aws:region: us-east-1\n",
            ["us-east-1"] = "config:\n  aws:region: us-east-1\n  multiregion:kubeContext: eks-east\n",
            ["us-west-2"] = "config:\n  aws:region: us-west-2\n",
            ["cross-region"] = "config:\n  aws:region: us-east-1\n",
        });
        var error = Assert.Throws<Components.Configuration.ConfigurationException>(() => project.Load());
        Assert.Contains("multiregion:workerImage", error.Message, StringComparison.Ordinal);
    }

    private static object? LabelOf(Resource resource, string label) =>
        (resource.At("metadata.labels") as MapValue)?.Entries.FirstOrDefault(e => e.Key == label).Value is Scalar s ? s.Literal : null;
}
