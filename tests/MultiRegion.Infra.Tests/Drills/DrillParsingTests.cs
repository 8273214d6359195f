using System.Net;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Cli.Commands;
using MultiRegion.Infra.Drills;

namespace MultiRegion.Infra.Tests.Drills;

public sealed class DrillParsingTests
{
    [Theory]
    [InlineData("127.0.0.1:5353", "127.0.0.1", 5353)]
    [InlineData("127.0.0.1", "127.0.0.1", 53)]
    [InlineData("[::1]:5300", "::1", 5300)]
    [InlineData(" 10.0.0.2:53 ", "10.0.0.2", 53)]
    public void Dns_server_endpoints_parse(string text, string address, int port)
    {
        var endpoint = DnsServerEndpoint.Parse(text);
        Assert.Equal(IPAddress.Parse(address), endpoint.Address);
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("127.0.0.1:port")]
    [InlineData(":53")]
    [InlineData("[::1")]
    public void Bad_dns_server_endpoints_are_usage_errors_naming_the_option(string text)
    {
        var ex = Assert.Throws<CommandFailedException>(() => DnsServerEndpoint.Parse(text));
        Assert.Equal(ExitCodes.Usage, ex.ExitCode);
        Assert.StartsWith("--dns-server:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("1s", 1000)]
    [InlineData("1.5s", 1500)]
    [InlineData("2", 2000)]
    [InlineData("2m", 120000)]
    public void Durations_parse(string text, double ms)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(ms, duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-1s")]
    [InlineData("5d")]
    public void Bad_durations_are_refused(string text) => Assert.False(DurationParser.TryParse(text, out _));

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        var values = Enumerable.Range(1, 20).Select(i => TimeSpan.FromMilliseconds(i * 10)).ToList();
        Assert.Equal(TimeSpan.FromMilliseconds(100), Percentile.Of(values, 50));
        Assert.Equal(TimeSpan.FromMilliseconds(190), Percentile.Of(values, 95));
        Assert.Equal(TimeSpan.FromMilliseconds(200), Percentile.Of(values, 100));
        Assert.Null(Percentile.Of([], 50));
    }

    [Theory]
    [InlineData(null, null, "app.example.com.")]
    [InlineData("www", null, "www.example.com.")]
    [InlineData("www", "other.org", "www.other.org.")]
    [InlineData("api.example.com", null, "api.example.com.")]
    [InlineData("x.example.net.", null, "x.example.net.")]
    public void The_polled_name_defaults_to_the_service_and_completes_relative_names(string? name, string? zone, string expected) =>
        Assert.Equal(expected, DrillCommand.ServiceName(name, zone, "app.example.com.", "example.com"));

    [Fact]
    public void Answers_name_the_regions_whose_targets_they_carry()
    {
        var answer = new DnsAnswer(["127.0.0.3"], null);
        var targets = new List<(string, string)> { ("us-east-1", "127.0.0.2"), ("us-west-2", "127.0.0.3") };
        Assert.Equal(["us-west-2"], answer.Regions(targets));
        Assert.Equal("us-west-2 (127.0.0.3)", answer.Describe(targets));
        Assert.True(answer.SameAs(new DnsAnswer(["127.0.0.3"], null)));
        Assert.False(answer.SameAs(DnsAnswer.Failed("timeout")));
        var cname = new DnsAnswer(["127.0.0.1", "us-east-1.sandbox.example.com."], null);
        Assert.Equal(["us-east-1"], cname.Regions([("us-east-1", "us-east-1.sandbox.example.com."), ("us-west-2", "us-west-2.sandbox.example.com.")]));
    }
}
