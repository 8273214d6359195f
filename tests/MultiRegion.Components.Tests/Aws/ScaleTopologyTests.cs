using MultiRegion.Components.Aws;
using MultiRegion.Components.Configuration;
using MultiRegion.Components.Policy;
using MultiRegion.Tests;

namespace MultiRegion.Components.Tests.Aws;

/// <summary>The AWS stacks of a 25-region topology (several GDPR regions) stay within AWS limits and pass the gate.</summary>
public sealed class ScaleTopologyTests
{
    [Fact]
    public void A_25_region_deployment_respects_service_limits_and_residency()
    {
        var dir = GeneratedProject.Create(25);
        try
        {
            var project = ProjectLoader.LoadDirectory(dir);
            var stacks = AwsTestProject.Synthesizer(project).BuildAll();
            var report = PolicyGate.Evaluate(project, stacks);
            Assert.Empty(report.Findings);

            var crossRegion = stacks.Single(s => s.Name == "cross-region");
            var targets = crossRegion.OfType(AwsTypes.EventTarget);
            Assert.All(crossRegion.OfType(AwsTypes.EventRule), rule =>
                Assert.InRange(targets.Count(t => t.At("rule").Reads(rule)), 1, EventForwardingLimit));
            Assert.Equal(25 * 24 / 2, crossRegion.OfType(AwsTypes.VpcPeeringConnection).Count);

            // GDPR regions replicate among themselves (all in the EU) but never out of it.
            var euRegions = project.Topology.Regions.Where(r => r.HasCompliance("gdpr")).Select(r => r.Id).ToHashSet();
            Assert.True(euRegions.Count > 1);
            foreach (var target in targets.Where(t => euRegions.Contains(t.At("eventBusName").ReadsStackOutput()!.Split(':')[0])))
            {
                Assert.Contains(target.At("arn").ReadsStackOutput()!.Split(':')[0], euRegions);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private const int EventForwardingLimit = Components.Aws.Events.EventForwarding.MaxTargetsPerRule;
}
