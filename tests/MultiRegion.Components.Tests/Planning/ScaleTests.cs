using MultiRegion.Components.Configuration;
using MultiRegion.Components.Stacks;
using MultiRegion.Components.Tests.Support;
using MultiRegion.Tests;

namespace MultiRegion.Components.Tests.Planning;

/// <summary>A 25-region topology loads, synthesizes every stack and plans (its speed is measured in bench/, not here).</summary>
public sealed class ScaleTests
{
    [Fact]
    public void A_25_region_topology_synthesizes_and_plans()
    {
        var dir = GeneratedProject.Create(25);
        try
        {
            var synthesizer = new DeploymentSynthesizer(ProjectLoader.LoadDirectory(dir), TestPlatforms.All);
            var programs = synthesizer.StackNames.Select(synthesizer.Synthesize).ToArray();
            var plan = synthesizer.Plan();

            Assert.Equal(27, programs.Length);
            Assert.Equal(27, plan.Stacks.Count);
            Assert.Equal("cross-region", plan.Order[^1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
