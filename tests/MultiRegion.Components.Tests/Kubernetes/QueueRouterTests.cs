using MultiRegion.Components.Kubernetes.Routing;
using MultiRegion.Components.Kubernetes.Workers;

namespace MultiRegion.Components.Tests.Kubernetes;

public sealed class QueueRouterTests
{
    private static QueueRouter Router(params RegionRoutingState[] regions) => new(regions);

    private static readonly RegionRoutingState UsEast = new("us-east-1", 100, true, RegionHealth.Healthy, true);
    private static readonly RegionRoutingState UsWest = new("us-west-2", 90, true, RegionHealth.Healthy, true);
    private static readonly RegionRoutingState Eu = new("eu-central-1", 80, true, RegionHealth.Healthy, true);

    [Fact]
    public void Assigned_healthy_region_with_workers_gets_its_own_queue_with_the_id_kept_verbatim()
    {
        var decision = Router(UsEast, UsWest, Eu).Route("eu-central-1");
        Assert.Equal("region_eu-central-1", decision.Queue);
        Assert.Equal("eu-central-1", decision.RegionId);
        Assert.Equal(RoutingReason.Region, decision.Reason);
        Assert.False(decision.IsFallback);
    }

    [Fact]
    public void Highest_priority_assigned_region_wins()
    {
        var decision = Router(UsEast, UsWest, Eu).Route(["eu-central-1", "us-west-2"]);
        Assert.Equal("region_us-west-2", decision.Queue);
    }

    [Fact]
    public void Degraded_region_still_takes_work()
    {
        var decision = Router(UsEast with { Health = RegionHealth.Degraded }).Route("us-east-1");
        Assert.Equal("region_us-east-1", decision.Queue);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_region_assigned_goes_to_the_fallback_queue(string? assigned)
    {
        var decision = Router(UsEast, UsWest).Route(assigned);
        Assert.Equal(WorkerQueues.Fallback, decision.Queue);
        Assert.Null(decision.RegionId);
        Assert.Equal(RoutingReason.NoRegionAssigned, decision.Reason);
        Assert.Equal(RoutingReason.NoRegionAssigned, Router(UsEast).Route(Array.Empty<string>()).Reason);
    }

    [Fact]
    public void Offline_region_goes_to_the_fallback_queue()
    {
        var decision = Router(UsEast, UsWest with { Health = RegionHealth.Offline }).Route("us-west-2");
        Assert.Equal(WorkerQueues.Fallback, decision.Queue);
        Assert.Equal(RoutingReason.RegionOffline, decision.Reason);
    }

    [Fact]
    public void Disabled_region_goes_to_the_fallback_queue()
    {
        var decision = Router(UsEast, UsWest with { Enabled = false }).Route("us-west-2");
        Assert.Equal(WorkerQueues.Fallback, decision.Queue);
        Assert.Equal(RoutingReason.RegionDisabled, decision.Reason);
    }

    [Fact]
    public void Region_without_workers_goes_to_the_fallback_queue()
    {
        var decision = Router(UsEast, UsWest with { HasWorkers = false }).Route("us-west-2");
        Assert.Equal(WorkerQueues.Fallback, decision.Queue);
        Assert.Equal(RoutingReason.NoWorkers, decision.Reason);
    }

    [Fact]
    public void Unknown_region_goes_to_the_fallback_queue()
    {
        var decision = Router(UsEast).Route("mars-north-1");
        Assert.Equal(WorkerQueues.Fallback, decision.Queue);
        Assert.Equal(RoutingReason.UnknownRegion, decision.Reason);
    }

    [Fact]
    public void Unavailable_preferred_region_falls_through_to_the_next_assigned_region()
    {
        var decision = Router(UsEast with { Health = RegionHealth.Offline }, UsWest).Route(["us-east-1", "us-west-2"]);
        Assert.Equal("region_us-west-2", decision.Queue);
    }

    [Fact]
    public void When_every_assigned_region_is_unavailable_the_reason_is_the_most_preferred_ones()
    {
        var decision = Router(UsEast with { Enabled = false }, UsWest with { HasWorkers = false }).Route(["us-west-2", "us-east-1"]);
        Assert.Equal(WorkerQueues.Fallback, decision.Queue);
        Assert.Equal(RoutingReason.RegionDisabled, decision.Reason);
    }

    [Fact]
    public void Unassigned_regions_are_never_chosen_even_when_preferred()
    {
        var decision = Router(UsEast, UsWest with { Health = RegionHealth.Offline }).Route("us-west-2");
        Assert.NotEqual("region_us-east-1", decision.Queue);
    }

    [Fact]
    public void Equal_priorities_break_by_region_id()
    {
        var decision = Router(UsWest with { Priority = 50 }, Eu with { Priority = 50 }).Route(["us-west-2", "eu-central-1"]);
        Assert.Equal("region_eu-central-1", decision.Queue);
    }

    [Theory]
    [InlineData("region_us-east-1", "us-east-1")]
    [InlineData("region_europe-west1", "europe-west1")]
    [InlineData("fallback", null)]
    [InlineData("region_", null)]
    public void Queue_names_map_back_to_regions(string queue, string? region) =>
        Assert.Equal(region, WorkerQueues.RegionOf(queue));
}
