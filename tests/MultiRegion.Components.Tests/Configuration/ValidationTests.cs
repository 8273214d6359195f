using MultiRegion.Components.Configuration;
using MultiRegion.Components.Tests.Support;

namespace MultiRegion.Components.Tests.Configuration;

/// <summary>Every rejected input gets one message naming the source file, the field and the value.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void The_example_project_is_valid()
    {
        var model = ProjectLoader.LoadDirectory(RepositoryPaths.Root);

        Assert.Equal(4, model.Topology.Regions.Count);
        Assert.Equal("us-east-1", model.Topology.Primary.Id);
        Assert.Equal(["us-west-2", "eu-central-1", "ap-southeast-1"], model.Topology.Secondaries.Select(r => r.Id));
        Assert.True(model.Topology.Find("eu-central-1")!.HasCompliance("gdpr"));
        Assert.Equal("m6i.large", model.Topology.Primary.Capacity.InstanceType);
        Assert.Equal(4, model.Topology.Find("ap-southeast-1")!.Capacity.MaxSize);
    }

    public static TheoryData<string, string, string, string> ProjectCases() => new()
    {
        // find, replace, expected field, expected message fragment
        { "      - id: us-west-2", "      - id: us-east-1", "regions[1].id", "duplicate region id (value: 'us-east-1')" },
        { "        role: secondary\n        priority: 90", "        role: primary\n        priority: 90", "regions[*].role", "several regions have role 'primary'" },
        { "        role: primary\n        priority: 100", "        role: secondary\n        priority: 100", "regions[*].role", "no region has role 'primary'" },
        { "cidr: 10.1.0.0/16", "cidr: 10.0.128.0/17", "regions[1].cidr", "overlaps us-east-1 (10.0.0.0/16)" },
        { "cidr: 10.1.0.0/16", "cidr: 10.1.0.0/33", "regions[1].cidr", "malformed CIDR" },
        { "cidr: 10.1.0.0/16", "cidr: 10.1.0.7/16", "regions[1].cidr", "malformed CIDR" },
        { "cidr: 10.1.0.0/16", "cidr: banana", "regions[1].cidr", "host bits zero) (value: 'banana')" },
        { "cidr: 10.1.0.0/16", "cidr: 10.1.0.0/22", "regions[1].cidr", "too small for the subnet plan" },
        { "      - id: us-west-2", "      - id: us-nowhere-9", "regions[1].id", "unknown aws region (value: 'us-nowhere-9')" },
        { "      - id: us-west-2\n        role: secondary", "      - id: us-west-2\n        cloud: oracle\n        role: secondary", "regions[1].cloud", "must be one of: aws, gcp, azure (value: 'oracle')" },
        { "priority: 90", "priority: 5000", "regions[1].priority", "must be between 1 and 1000 (value: '5000')" },
        { "priority: 90", "priority: 80", "regions[2].priority", "tied with us-west-2" },
        { "priority: 90", "priority: 100", "regions[1].priority", "lower priority than the primary" },
        { "priority: 90", "priority: ninety", "regions[1].priority", "must be a whole number (value: 'ninety')" },
        { "  domain: example.com\n", "", "domain", "is required" },
        { "domain: example.com", "domain: not a domain", "domain", "must be a DNS name" },
        { "routingPolicy: failover", "routingPolicy: roundrobin", "routingPolicy", "must be one of: failover, weighted, latency, geo" },
        { "        weight: 30", "        weight: 30\n        colour: blue", "regions[1].colour", "unknown setting" },
        { "  costCenter: platform", "  costCentre: platform", "multiregion:costCentre", "unknown setting" },
    };

    [Theory]
    [MemberData(nameof(ProjectCases))]
    public void A_bad_project_setting_is_rejected_with_field_and_value(string find, string replace, string field, string message)
    {
        using var project = TempProject.CopyOfExample().EditProject(find, replace);

        var error = Assert.Throws<ConfigurationException>(() => ProjectLoader.LoadDirectory(project.Directory));

        Assert.Contains(error.Errors, e => e.Field == field && e.ToString().Contains(message, StringComparison.Ordinal) && e.Source == "Pulumi.yaml");
    }

    [Fact]
    public void A_stack_file_for_an_unknown_stack_is_rejected()
    {
        using var project = TempProject.CopyOfExample().WriteStack("us-east-2", "config:\n  aws:region: us-east-2\n");

        var error = Assert.Throws<ConfigurationException>(() => ProjectLoader.LoadDirectory(project.Directory));

        var e = Assert.Single(error.Errors);
        Assert.Equal("stacks/Pulumi.us-east-2.yaml", e.Source);
        Assert.Contains("stack file for an unknown stack", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_without_a_stack_file_is_rejected()
    {
        using var project = TempProject.CopyOfExample().DeleteStack("eu-central-1");

        var error = Assert.Throws<ConfigurationException>(() => ProjectLoader.LoadDirectory(project.Directory));

        var e = Assert.Single(error.Errors);
        Assert.Equal("Pulumi.eu-central-1.yaml", e.Field);
        Assert.Contains("the region 'eu-central-1' has no stack file", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_names_the_file_and_line()
    {
        using var project = TempProject.CopyOfExample().WriteStack("us-west-2", "config:\n  aws:region: [us-west-2\n");

        var error = Assert.Throws<ConfigurationException>(() => ProjectLoader.LoadDirectory(project.Directory));

        var e = Assert.Single(error.Errors);
        Assert.Equal("stacks/Pulumi.us-west-2.yaml", e.Source);
        Assert.StartsWith("line ", e.Field, StringComparison.Ordinal);
        Assert.Contains("malformed YAML", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_provider_region_in_a_stack_file_is_rejected()
    {
        using var project = TempProject.CopyOfExample().EditStack("us-west-2", "  aws:region: us-west-2\n", string.Empty);

        var error = Assert.Throws<ConfigurationException>(() => ProjectLoader.LoadDirectory(project.Directory));

        var e = Assert.Single(error.Errors);
        Assert.Equal(("stacks/Pulumi.us-west-2.yaml", "aws:region", "is required for stack 'us-west-2'"), (e.Source, e.Field, e.Problem));
    }

    [Fact]
    public void A_provider_region_that_contradicts_the_topology_is_rejected()
    {
        using var project = TempProject.CopyOfExample().EditStack("us-west-2", "aws:region: us-west-2", "aws:region: us-west-1");

        var error = Assert.Throws<ConfigurationException>(() => ProjectLoader.LoadDirectory(project.Directory));

        Assert.Contains(error.Errors, e => e.Field == "aws:region" && e.Value == "us-west-1" && e.Problem.Contains("us-west-2", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_stack_setting_is_rejected_with_the_allowed_keys()
    {
        using var project = TempProject.CopyOfExample().EditStack("us-west-2", "multiregion:minSize: 2", "multiregion:minSzie: 2");

        var error = Assert.Throws<ConfigurationException>(() => ProjectLoader.LoadDirectory(project.Directory));

        var e = Assert.Single(error.Errors);
        Assert.Equal("multiregion:minSzie", e.Field);
        Assert.Contains("minSize", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_override_outside_its_range_is_rejected()
    {
        using var project = TempProject.CopyOfExample().EditStack("ap-southeast-1", "multiregion:maxSize: 4", "multiregion:maxSize: 1");

        var error = Assert.Throws<ConfigurationException>(() => ProjectLoader.LoadDirectory(project.Directory));

        Assert.Contains(error.Errors, e => e.Field == "regions[3].capacity" && e.Problem.Contains("minSize <= desiredSize <= maxSize", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_at_once()
    {
        using var project = TempProject.CopyOfExample()
            .EditProject("cidr: 10.1.0.0/16", "cidr: nope")
            .EditProject("priority: 70", "priority: 0");

        var error = Assert.Throws<ConfigurationException>(() => ProjectLoader.LoadDirectory(project.Directory));

        Assert.Contains(error.Errors, e => e.Field == "regions[1].cidr");
        Assert.Contains(error.Errors, e => e.Field == "regions[3].priority");
    }

    [Fact]
    public void Malformed_pulumi_config_json_is_one_clear_error()
    {
        var source = new PulumiEnvironmentConfigurationSource("multiregion", "us-east-1", "{\"multiregion:regions\": \"[{oops\"}");

        var error = Assert.Throws<ConfigurationException>(() => ProjectLoader.Load(source));

        var e = Assert.Single(error.Errors);
        Assert.Equal(("PULUMI_CONFIG", "multiregion:regions"), (e.Source, e.Field));
    }

    [Fact]
    public void Under_the_compiler_hook_a_stacks_own_overrides_apply()
    {
        var config = PulumiConfig.For(RepositoryPaths.Root, "ap-southeast-1");

        var model = ProjectLoader.Load(new PulumiEnvironmentConfigurationSource("multiregion", "ap-southeast-1", config));

        var region = model.Topology.Find("ap-southeast-1")!;
        Assert.Equal(4, region.Capacity.MaxSize);
        Assert.Equal("t3.large", region.Capacity.InstanceType);
        Assert.Equal("ap-southeast-1", model.SettingsFor("ap-southeast-1").Get("aws:region"));
    }

    [Fact]
    public void Under_the_compiler_hook_a_bad_stack_setting_names_pulumi_config()
    {
        var config = PulumiConfig.For(RepositoryPaths.Root, "us-west-2").Replace("multiregion:minSize", "multiregion:minSzie", StringComparison.Ordinal);

        var error = Assert.Throws<ConfigurationException>(() => ProjectLoader.Load(new PulumiEnvironmentConfigurationSource("multiregion", "us-west-2", config)));

        var e = Assert.Single(error.Errors);
        Assert.Equal(("PULUMI_CONFIG", "multiregion:minSzie"), (e.Source, e.Field));
    }
}
