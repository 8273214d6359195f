using MultiRegion.Components.Aws;
using MultiRegion.Components.Configuration;
using MultiRegion.Components.Stacks;

namespace MultiRegion.Infra.Example;

/// <summary>The component platforms this program deploys with, one per cloud.</summary>
internal static class Platforms
{
    public static IReadOnlyList<ICloudPlatform> All { get; } = [new AwsPlatform()];

    public static DeploymentSynthesizer SynthesizerFor(ProjectModel project) => new(project, All);
}
