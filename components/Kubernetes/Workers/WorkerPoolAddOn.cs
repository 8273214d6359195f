using MultiRegion.Components.Stacks;

namespace MultiRegion.Components.Kubernetes.Workers;

/// <summary>
/// Adds the worker pools to the stacks, whatever the region's cloud:
/// <list type="bullet">
/// <item>a regional stack gets a <see cref="RegionalWorkerPool"/> consuming <c>region_&lt;id&gt;</c> and the
/// fallback queue when its stack sets <c>multiregion:kubeContext</c> (the region's cluster) and its worker pool has
/// at least one replica; it then exports <c>workerQueue</c>, which is how the router learns the region has workers;</item>
/// <item>the cross-region stack gets the central fallback pool (only the fallback queue) when its own stack file sets
/// <c>multiregion:kubeContext</c> — a cluster chosen to outlive any one region (a control cluster, or the primary's).
/// The fallback pool lives there, not in a region, because it must keep draining when regions fail.</item>
/// </list>
/// The image comes from <c>multiregion:workerImage</c> and the broker Secret from <c>multiregion:brokerSecret</c>
/// (default <c>broker-credentials</c>, key <c>url</c>).
/// </summary>
public sealed class WorkerPoolAddOn : IStackAddOn
{
    public const string WorkerQueueOutput = "workerQueue";
    public const string FallbackQueueOutput = "fallbackQueue";
    public const string ImageSetting = "multiregion:workerImage";
    public const string BrokerSecretSetting = "multiregion:brokerSecret";

    public void BuildRegion(RegionalStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var region = context.Region;
        var kubeContext = context.Settings.Get(KubernetesProviders.ContextSetting);
        if (string.IsNullOrEmpty(kubeContext) || region.WorkerPool.Replicas == 0)
        {
            return;
        }

        KubernetesProviders.Declare(context.Stack, region.Id, kubeContext);
        var queue = WorkerQueues.ForRegion(region.Id);
        _ = new RegionalWorkerPool(context.Stack, "workers", new WorkerPoolArgs(region.Id, Image(context), [queue, WorkerQueues.Fallback], region.WorkerPool)
        {
            BrokerSecretName = context.Settings.Get(BrokerSecretSetting) ?? "broker-credentials",
            Labels = new Dictionary<string, string> { ["multiregion/region"] = region.Id, ["multiregion/pool"] = "regional" },
        });
        context.Stack.Export(WorkerQueueOutput, queue);
    }

    public void BuildCrossRegion(CrossRegionStackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kubeContext = context.Settings.Get(KubernetesProviders.ContextSetting);
        if (string.IsNullOrEmpty(kubeContext))
        {
            return;
        }

        KubernetesProviders.Declare(context.Stack, "fallback", kubeContext);
        var primary = context.Topology.Primary.WorkerPool;
        _ = new RegionalWorkerPool(context.Stack, "fallbackWorkers", new WorkerPoolArgs("fallback", Image(context), [WorkerQueues.Fallback], primary with { Replicas = Math.Max(1, primary.Replicas) })
        {
            BrokerSecretName = context.Settings.Get(BrokerSecretSetting) ?? "broker-credentials",
            Labels = new Dictionary<string, string> { ["multiregion/pool"] = "fallback" },
        });
        context.Stack.Export(FallbackQueueOutput, WorkerQueues.Fallback);
    }

    private static string Image(StackContext context) =>
        context.Settings.Get(ImageSetting)
        ?? throw new Configuration.ConfigurationException(new Configuration.ConfigError(
            context.Settings.File ?? "Pulumi.yaml", ImageSetting, null, $"is required for stack '{context.Stack.Name}' because it sets {KubernetesProviders.ContextSetting} (the worker pool's container image)"));
}
