using MultiRegion.Components.Aws;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Policy;
using MultiRegion.Components.Topology;
using static MultiRegion.Components.Tests.Policy.PolicyTestStacks;

namespace MultiRegion.Components.Tests.Policy;

public sealed class PolicyGateTests
{
    private static StackDefinition Violating()
    {
        var stack = Regional();
        stack.AddResource("serviceRecord", AwsTypes.Record, Value.Map(("zoneId", "Z"), ("name", "app.example.com"), ("type", "A")));
        stack.AddResource("otherServiceRecord", AwsTypes.Record, Value.Map(("zoneId", "Z"), ("name", "app.example.com"), ("type", "AAAA")));
        return stack;
    }

    [Fact]
    public void Unwaived_errors_fail_the_gate()
    {
        var report = Evaluate(Violating());
        Assert.True(report.HasErrors);
        Assert.Equal(2, report.Errors.Count());
        Assert.Empty(report.AppliedWaivers);
    }

    [Theory]
    [InlineData("MR009-checker-owned-name", "serviceRecord")]
    [InlineData("MR009", "us-east-1/serviceRecord")]
    public void A_justified_waiver_for_one_resource_waives_only_that_finding(string rule, string resource)
    {
        var report = Evaluate(WithWaivers(new PolicyWaiver(rule, resource, "migrating the service name to the checker")), Violating());
        var applied = Assert.Single(report.AppliedWaivers);
        Assert.Equal("serviceRecord", applied.Finding.Resource);
        Assert.Equal("migrating the service name to the checker", applied.Waiver.Justification);
        Assert.Equal("otherServiceRecord", Assert.Single(report.Errors).Resource);
    }

    [Fact]
    public void A_wildcard_waiver_waives_every_finding_of_its_rule_only()
    {
        var stack = Violating();
        stack.AddResource("imdsV1", AwsTypes.LaunchTemplate, Value.Map(
            ("metadataOptions", Value.Map(("httpTokens", "optional"))),
            ("blockDeviceMappings", Value.List(Value.Map(("ebs", Value.Map(("encrypted", "true"))))))));
        var report = Evaluate(WithWaivers(new PolicyWaiver("MR009", "*", "temporary")), stack);
        Assert.Equal(2, report.AppliedWaivers.Count);
        Assert.Equal("MR004-imdsv2", Assert.Single(report.Errors).RuleId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_waiver_without_justification_is_rejected_and_waives_nothing(string justification)
    {
        var report = Evaluate(WithWaivers(new PolicyWaiver("MR009", "*", justification)), Violating());
        Assert.Single(report.RejectedWaivers);
        Assert.Empty(report.AppliedWaivers);
        Assert.Equal(2, report.Errors.Count());
        Assert.Contains(report.Lines, l => l.Contains("non-empty justification", StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_render_rule_stack_resource_and_property()
    {
        var line = Evaluate(Violating()).Errors.First().ToString();
        Assert.StartsWith("error MR009-checker-owned-name: us-east-1/", line, StringComparison.Ordinal);
        Assert.Contains(".name: ", line, StringComparison.Ordinal);
    }
}
