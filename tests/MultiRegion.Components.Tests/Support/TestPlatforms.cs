using MultiRegion.Components.Aws;
using MultiRegion.Components.Azure;
using MultiRegion.Components.Gcp;
using MultiRegion.Components.Kubernetes.Workers;
using MultiRegion.Components.Stacks;

namespace MultiRegion.Components.Tests.Support;

/// <summary>The platforms the tests synthesize with (every cloud the library implements), and the add-ons.</summary>
public static class TestPlatforms
{
    public static IReadOnlyList<ICloudPlatform> All { get; } = [new AwsPlatform(), new GcpPlatform(), new AzurePlatform()];

    /// <summary>Cloud-independent layers (the Kubernetes worker pools).</summary>
    public static IReadOnlyList<IStackAddOn> AddOns { get; } = [new WorkerPoolAddOn()];
}
