using MultiRegion.Components.Aws;
using MultiRegion.Components.Stacks;

namespace MultiRegion.Components.Tests.Aws;

public sealed class GlobalStackTests
{
    private readonly Components.Graph.StackDefinition _stack = AwsTestProject.Build(AwsTestProject.InMemory(), "global");

    [Fact]
    public void Cdn_certificate_is_dns_validated_in_the_zone_with_one_record_for_apex_and_wildcard()
    {
        var certificate = _stack.Single(AwsTypes.Certificate);
        Assert.Equal("example.com", certificate.Text("domainName"));
        Assert.Equal(["*.example.com"], certificate.Texts("subjectAlternativeNames"));
        Assert.Equal("DNS", certificate.Text("validationMethod"));
        Assert.Equal("us-east-1", _stack.DefaultProvider("aws")!.Text("region"));

        var record = _stack.Single(AwsTypes.Record);
        Assert.Equal("domainValidationOptions[0].resourceRecordName", Assert.IsType<Components.Graph.OutputValue>(record.At("name")).Path);
        Assert.True(record.At("zoneId").Reads(_stack.Single(AwsTypes.Zone)));

        var validation = _stack.Single(AwsTypes.CertificateValidation);
        Assert.True(validation.At("certificateArn").Reads(certificate));
        Assert.True(validation.Items("validationRecordFqdns")[0].Reads(record));
        Assert.True(_stack.Outputs[AwsOutputs.CdnCertificateArn].Reads(validation));
    }

    [Fact]
    public void Zone_is_created_and_protected_or_adopted_by_id()
    {
        Assert.True(_stack.Single(AwsTypes.Zone).Options.Protect);

        var adopted = AwsTestProject.Build(AwsTestProject.InMemory(c => c["hostedZoneId"] = "Z123EXAMPLE"), "global");
        Assert.Empty(adopted.OfType(AwsTypes.Zone));
        Assert.Contains(adopted.Variables, v => v.Value is Components.Graph.InvokeValue { Function: AwsTypes.GetZone });
    }

    [Fact]
    public void Health_checker_policy_is_limited_to_the_zone_and_change_ids()
    {
        var policy = _stack.Single(AwsTypes.Policy);
        var texts = policy.Texts("policy");
        Assert.Equal(
            ["route53:ChangeResourceRecordSets", "route53:GetChange", "route53:ListResourceRecordSets"],
            texts.Where(t => t.StartsWith("route53:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("arn:aws:route53:::change/*", texts);
        Assert.Contains("arn:aws:route53:::hostedzone/", texts);
        Assert.DoesNotContain("*", texts);
        Assert.True(policy.At("policy").Reads(_stack.Single(AwsTypes.Zone)));
    }

    [Fact]
    public void Replication_and_forwarding_roles_trust_only_their_service_and_are_exported()
    {
        var roles = _stack.OfType(AwsTypes.Role);
        Assert.Equal(2, roles.Count);
        Assert.Contains(roles, r => r.Texts("assumeRolePolicy").Contains("s3.amazonaws.com"));
        Assert.Contains(roles, r => r.Texts("assumeRolePolicy").Contains("events.amazonaws.com"));
        Assert.Empty(_stack.OfType(AwsTypes.RolePolicy));
        foreach (var output in new[] { AwsOutputs.ReplicationRoleArn, AwsOutputs.ReplicationRoleName, AwsOutputs.EventForwardingRoleArn, AwsOutputs.EventForwardingRoleName, AwsOutputs.HealthCheckerPolicyArn, GlobalOutputs.ZoneId })
        {
            Assert.True(_stack.Outputs.ContainsKey(output), output);
        }
    }

    [Fact]
    public void Dashboard_has_a_row_of_widgets_per_region_built_with_toJSON()
    {
        var dashboard = _stack.Single(AwsTypes.Dashboard);
        Assert.IsType<Components.Graph.ToJsonValue>(dashboard.At("dashboardBody"));
        var widgets = dashboard.Items("dashboardBody.widgets");
        Assert.Equal(4 * 4, widgets.Count);
        var texts = dashboard.Texts("dashboardBody");
        foreach (var region in new[] { "us-east-1", "us-west-2", "eu-central-1", "ap-southeast-1" })
        {
            Assert.Contains(region, texts);
        }

        foreach (var metric in new[] { "RequestCount", "TargetResponseTime", "HTTPCode_Target_5XX_Count", "AuroraGlobalDBReplicationLag", "ReplicationLatency" })
        {
            Assert.Contains(texts, t => t.Contains(metric, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Global_stack_references_no_other_stack()
    {
        Assert.Empty(_stack.ReferencedStacks);
    }
}
