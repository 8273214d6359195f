using System.Net;
using System.Net.Sockets;
using MultiRegion.Components.Configuration;
using MultiRegion.Infra.Sandbox;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Sandbox;

/// <summary>A region's stand-in load balancer over real loopback sockets.</summary>
public sealed class RegionalEndpointTests
{
    [Fact]
    public async Task It_serves_health_and_identity_fails_with_503_stops_and_comes_back_on_the_same_port()
    {
        var ct = TestContext.Current.CancellationToken;
        using var project = new TempProject();
        var model = ProjectLoader.LoadDirectory(project.Directory);
        await using var host = new SandboxHost(model, new SandboxSettings());
        await host.DeployStackAsync("us-west-2", ct);
        var endpoint = host.Endpoint("us-west-2");
        Assert.True(IPAddress.IsLoopback(endpoint.Address));
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.Zero });

        var health = await http.GetAsync(endpoint.HealthUrl, ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync(ct));
        var identity = await http.GetStringAsync(endpoint.Url, ct);
        Assert.Contains("<h1>us-west-2</h1>", identity, StringComparison.Ordinal);
        Assert.Contains("priority 90", identity, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(endpoint.Url, "nope"), ct)).StatusCode);

        await host.FailAsync("us-west-2", EndpointFailureMode.Http503, ct);
        Assert.Equal(EndpointCondition.Failing, endpoint.Condition);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(endpoint.HealthUrl, ct)).StatusCode);

        var port = endpoint.Port;
        await host.FailAsync("us-west-2", EndpointFailureMode.Stop, ct);
        Assert.Equal(EndpointCondition.Stopped, endpoint.Condition);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(endpoint.HealthUrl, ct));

        await host.RestoreAsync("us-west-2", ct);
        Assert.Equal(EndpointCondition.Serving, endpoint.Condition);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(endpoint.HealthUrl, ct)).StatusCode);

        var events = host.Events.After(0);
        Assert.Equal(["fail", "fail", "restore"], events.Select(e => e.Kind));
        Assert.Equal("us-west-2.sandbox.example.com.", endpoint.HostName);
    }

    [Fact]
    public void Only_loopback_addresses_can_be_bound()
    {
        Assert.Throws<ArgumentException>(() => new LoopbackHttpServer(IPAddress.Any, _ => new LoopbackHttpResponse(200, "ok")));
        Assert.Throws<ArgumentException>(() => new LoopbackHttpServer(IPAddress.Parse("10.0.0.1"), _ => new LoopbackHttpResponse(200, "ok")));
    }

    [Fact]
    public void The_address_plan_gives_each_region_its_own_loopback_address_or_falls_back_to_one_with_cname_targets()
    {
        var shared = LoopbackAddressPlan.Detect(forceShared: true);
        Assert.False(shared.DistinctAddresses);
        Assert.Equal(IPAddress.Loopback, shared.AddressFor(3));
        Assert.Equal("eu-central-1.sandbox.example.com.", shared.TargetFor("eu-central-1", "example.com.", IPAddress.Loopback));

        var detected = LoopbackAddressPlan.Detect();
        if (detected.DistinctAddresses)
        {
            Assert.Equal(IPAddress.Parse("127.0.0.2"), detected.AddressFor(0));
            Assert.Equal(IPAddress.Parse("127.0.0.5"), detected.AddressFor(3));
            Assert.Equal("127.0.0.5", detected.TargetFor("ap-southeast-1", "example.com", IPAddress.Parse("127.0.0.5")));
        }
        else
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Assert.ThrowsAny<SocketException>(() => socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0)));
        }
    }

    [Fact]
    public void State_json_round_trips()
    {
        using var project = new TempProject();
        var state = new SandboxState(42, DateTimeOffset.UnixEpoch, project.Directory, "http://127.0.0.1:9/", "127.0.0.1", 5300, "example.com.", "app.example.com.", "failover", true, 500, 2, 2, project.HistoryFile,
            [new SandboxStateRegion("us-east-1", 100, "127.0.0.2", "127.0.0.2", 8080, "http://127.0.0.2:8080/", "http://127.0.0.2:8080/healthz")]);
        state.Write(project.StateFile);
        var read = SandboxState.TryRead(project.StateFile)!;
        Assert.Equal(state with { Regions = read.Regions }, read);
        Assert.Equal(state.Regions, read.Regions);
        Assert.Contains("\"controlUrl\"", File.ReadAllText(project.StateFile), StringComparison.Ordinal);
        File.WriteAllText(project.StateFile, "{ not json");
        Assert.Null(SandboxState.TryRead(project.StateFile));
    }
}
