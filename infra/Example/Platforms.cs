using MultiRegion.Components.Aws;
using MultiRegion.Components.Azure;
using MultiRegion.Components.Configuration;
using MultiRegion.Components.Gcp;
using MultiRegion.Components.Kubernetes.Workers;
using MultiRegion.Components.Stacks;

namespace MultiRegion.Infra.Example;

/// <summary>The component platforms this program deploys with, one per cloud, and the cloud-independent add-ons.</summary>
internal static class Platforms
{
    public static IReadOnlyList<ICloudPlatform> All { get; } = [new AwsPlatform(), new GcpPlatform(), new AzurePlatform()];

    /// <summary>Layered on every platform: the Kubernetes worker pools (regional and central fallback).</summary>
    public static IReadOnlyList<IStackAddOn> AddOns { get; } = [new WorkerPoolAddOn()];

    public static DeploymentSynthesizer SynthesizerFor(ProjectModel project) => new(project, All, AddOns);
}
