using MultiRegion.Infra.Orchestration;

namespace MultiRegion.Infra.Tests.Orchestration;

public sealed class StackSelectionTests
{
    [Fact]
    public void No_stack_means_every_stack() =>
        Assert.Equal(TestPlans.Example().Order.Order(), StackSelection.Resolve(TestPlans.Example(), [], false, false).Order());

    [Fact]
    public void A_stack_alone_is_just_that_stack() =>
        Assert.Equal(["us-west-2"], StackSelection.Resolve(TestPlans.Example(), ["us-west-2"], false, false));

    [Fact]
    public void Include_dependents_adds_what_references_it_transitively() =>
        Assert.Equal(
            ["ap-southeast-1", "cross-region", "eu-central-1", "us-east-1", "us-west-2"],
            StackSelection.Resolve(TestPlans.Example(), ["us-east-1"], includeDependents: true, includeDependencies: false).Order());

    [Fact]
    public void Include_dependencies_adds_what_it_references_transitively() =>
        Assert.Equal(
            ["global", "us-east-1", "us-west-2"],
            StackSelection.Resolve(TestPlans.Example(), ["us-west-2"], includeDependents: false, includeDependencies: true).Order());

    [Fact]
    public void Several_stacks_and_both_directions()
    {
        var selected = StackSelection.Resolve(TestPlans.Example(), ["us-west-2", "eu-central-1"], includeDependents: true, includeDependencies: true);

        Assert.Equal(["cross-region", "eu-central-1", "global", "us-east-1", "us-west-2"], selected.Order());
    }

    [Fact]
    public void An_unknown_stack_is_rejected_naming_it_and_the_stacks_there_are()
    {
        var error = Assert.Throws<ArgumentException>(() => StackSelection.Resolve(TestPlans.Example(), ["us-east-9"], false, false));

        Assert.StartsWith("unknown stack 'us-east-9'; stacks are: global, us-east-1,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_takes_what_did_not_succeed_and_everything_after_it()
    {
        var state = State(("global", "up", "succeeded"), ("us-east-1", "up", "succeeded"), ("us-west-2", "up", "failed"), ("eu-central-1", "up", "succeeded"), ("ap-southeast-1", "up", "succeeded"), ("cross-region", "up", "skipped"));

        var unfinished = StackSelection.Unfinished(TestPlans.Example(), StackOperation.Up, "pulumi", All(), state);

        Assert.Equal(["cross-region", "us-west-2"], unfinished.Order());
    }

    [Fact]
    public void Resume_reruns_the_dependents_of_an_unfinished_stack_even_if_they_succeeded_before()
    {
        var state = State(("global", "up", "succeeded"), ("us-east-1", "up", "running"), ("us-west-2", "up", "succeeded"), ("eu-central-1", "up", "succeeded"), ("ap-southeast-1", "up", "succeeded"), ("cross-region", "up", "succeeded"));

        var unfinished = StackSelection.Unfinished(TestPlans.Example(), StackOperation.Up, "pulumi", All(), state);

        Assert.Equal(["ap-southeast-1", "cross-region", "eu-central-1", "us-east-1", "us-west-2"], unfinished.Order());
    }

    [Fact]
    public void Resume_counts_only_successes_of_the_same_operation_and_target()
    {
        var state = State(("global", "destroy", "succeeded"), ("us-east-1", "up", "succeeded"), ("us-west-2", "up", "succeeded"), ("eu-central-1", "up", "succeeded"), ("ap-southeast-1", "up", "succeeded"), ("cross-region", "up", "succeeded"));

        Assert.Equal(All().Order(), StackSelection.Unfinished(TestPlans.Example(), StackOperation.Up, "pulumi", All(), state).Order());
        Assert.Equal(All().Order(), StackSelection.Unfinished(TestPlans.Example(), StackOperation.Up, "sandbox", All(), state).Order());
    }

    [Fact]
    public void Resume_of_a_destroy_follows_the_destroy_order()
    {
        // cross-region and us-west-2 are gone; eu-central-1 failed, so it and what it references are still to destroy.
        var state = State(("cross-region", "destroy", "succeeded"), ("us-west-2", "destroy", "succeeded"), ("ap-southeast-1", "destroy", "succeeded"), ("eu-central-1", "destroy", "failed"), ("us-east-1", "destroy", "skipped"), ("global", "destroy", "skipped"));

        var unfinished = StackSelection.Unfinished(TestPlans.Example(), StackOperation.Destroy, "pulumi", All(), state);

        Assert.Equal(["eu-central-1", "global", "us-east-1"], unfinished.Order());
    }

    [Fact]
    public void Resume_without_a_record_runs_everything_selected() =>
        Assert.Equal(["us-west-2"], StackSelection.Unfinished(TestPlans.Example(), StackOperation.Up, "pulumi", new HashSet<string> { "us-west-2" }, null));

    [Fact]
    public void Destroying_a_stack_without_its_dependents_is_flagged()
    {
        var orphaned = StackSelection.OrphanedDependents(TestPlans.Example(), new HashSet<string> { "us-east-1", "us-west-2" });

        Assert.Equal(["us-east-1", "us-west-2"], orphaned.Keys.Order());
        Assert.Equal(["ap-southeast-1", "cross-region", "eu-central-1"], orphaned["us-east-1"].Order());
    }

    private static HashSet<string> All() => [.. TestPlans.Example().Order];

    private static RunState State(params (string Stack, string Operation, string State)[] records) => new(
        RunState.CurrentVersion,
        null,
        records.ToDictionary(r => r.Stack, r => new StackRecord(r.Operation, "pulumi", r.State, "run-1", null, null, null, null)));
}
