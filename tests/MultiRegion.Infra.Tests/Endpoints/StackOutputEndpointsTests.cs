using MultiRegion.Components.Configuration;
using MultiRegion.Components.Tests.Support;
using MultiRegion.Health.Endpoints;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Endpoints;
using MultiRegion.Tests;

namespace MultiRegion.Infra.Tests.Endpoints;

/// <summary>After `pulumi up`, the checker reads each region's endpoint from `pulumi stack output --json --stack R`.</summary>
public sealed class StackOutputEndpointsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mr-outputs-").FullName;

    [Fact]
    public async Task Every_regions_endpoint_and_health_url_come_from_its_stack_outputs()
    {
        var pulumi = FakePulumi("""
            case "$*" in
              "stack output --json --stack "*) r="${@: -1}"; echo "{\"endpoint\": \"lb-$r.elb.amazonaws.com\", \"healthUrl\": \"https://$r.example.com/healthz\", \"vpcId\": \"vpc-1\"}" ;;
              *) echo "unexpected: $*" >&2; exit 3 ;;
            esac
            """);
        var project = ProjectLoader.LoadDirectory(RepositoryPaths.Root);

        var endpoints = await new StackOutputEndpoints(pulumi, RepositoryPaths.Root).ReadAsync(project, CancellationToken.None);
        var service = ServiceDefinitions.From(project.Topology, endpoints);

        Assert.Equal("app.example.com", service.Service);
        Assert.Equal(RoutingPolicyKind.Failover, service.Policy);
        Assert.Equal(["us-east-1", "us-west-2", "eu-central-1", "ap-southeast-1"], service.Endpoints.Select(e => e.RegionId));
        var primary = service.Endpoints[0];
        Assert.Equal((new Uri("https://us-east-1.example.com/healthz"), "lb-us-east-1.elb.amazonaws.com", 100), (primary.HealthUrl, primary.Target, primary.Priority));
        Assert.Equal("EU", service.FindRegion("eu-central-1")!.GeoLocation);
    }

    [Fact]
    public async Task A_stack_without_outputs_says_to_deploy_it_first()
    {
        var pulumi = FakePulumi("""echo '{}'""");
        var project = ProjectLoader.LoadDirectory(RepositoryPaths.Root);

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => new StackOutputEndpoints(pulumi, RepositoryPaths.Root).ReadAsync(project, CancellationToken.None));

        Assert.Equal("stack 'us-east-1' has no 'healthUrl' output; has it been deployed (`multiregion up --target pulumi`)?", error.Message);
    }

    [Fact]
    public async Task A_failing_or_missing_cli_is_one_clear_error()
    {
        var failing = FakePulumi("""echo "error: no stack named 'us-east-1' found" >&2; exit 255""");
        var project = ProjectLoader.LoadDirectory(RepositoryPaths.Root);

        var failed = await Assert.ThrowsAsync<CommandFailedException>(() => new StackOutputEndpoints(failing, RepositoryPaths.Root).ReadAsync(project, CancellationToken.None));
        Assert.Contains("no stack named 'us-east-1' found", failed.Message, StringComparison.Ordinal);

        var missing = await Assert.ThrowsAsync<CommandFailedException>(() => new StackOutputEndpoints(Path.Combine(_dir, "nope"), RepositoryPaths.Root).ReadAsync(project, CancellationToken.None));
        Assert.Contains("is not installed", missing.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string FakePulumi(string body)
    {
        Requires.Executable("bash");
        Requires.That(!OperatingSystem.IsWindows(), "the fake pulumi is a bash script");
        var path = Path.Combine(_dir, "pulumi");
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }
}
