using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Kubernetes;

/// <summary>
/// Explicit <c>pulumi:providers:kubernetes</c> resources: one per cluster, selected by kubeconfig context (the stack
/// setting <c>multiregion:kubeContext</c>); the kubeconfig itself comes from the environment (<c>KUBECONFIG</c>).
/// Server-side apply is on, so field ownership conflicts are reported instead of silently overwritten.
/// </summary>
public static class KubernetesProviders
{
    /// <summary>The stack setting naming the kubeconfig context of the stack's cluster.</summary>
    public const string ContextSetting = "multiregion:kubeContext";

    /// <summary>Declares the provider named <c>kubernetes{Scope}</c> (e.g. <c>kubernetesUsEast1</c>) and makes it the stack's default.</summary>
    public static Resource Declare(StackDefinition stack, string scope, string context)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var name = LogicalName.Of("kubernetes", scope);
        return stack.FindResource(name) ?? stack.AddProvider(name, KubernetesTypes.Package, Value.Map(
            ("context", context),
            ("enableServerSideApply", true)), isDefault: true);
    }
}
