using MultiRegion.Components.Aws;
using MultiRegion.Components.Stacks;

namespace MultiRegion.Components.Tests.Support;

/// <summary>The platforms the tests synthesize with (every cloud the library implements).</summary>
public static class TestPlatforms
{
    public static IReadOnlyList<ICloudPlatform> All { get; } = [new AwsPlatform()];
}
