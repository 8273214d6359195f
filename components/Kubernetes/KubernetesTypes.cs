namespace MultiRegion.Components.Kubernetes;

/// <summary>The <c>@pulumi/kubernetes</c> (v4) type tokens the components declare (checked by the conformance test).</summary>
public static class KubernetesTypes
{
    public const string Package = "kubernetes";
    public const string Provider = "pulumi:providers:kubernetes";
    public const string Namespace = "kubernetes:core/v1:Namespace";
    public const string ServiceAccount = "kubernetes:core/v1:ServiceAccount";
    public const string Deployment = "kubernetes:apps/v1:Deployment";
    public const string HorizontalPodAutoscaler = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
    public const string PodDisruptionBudget = "kubernetes:policy/v1:PodDisruptionBudget";
}
