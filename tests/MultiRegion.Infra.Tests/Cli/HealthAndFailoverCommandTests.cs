using System.Text.Json;
using MultiRegion.Health.Tests.Support;

namespace MultiRegion.Infra.Tests.Cli;

/// <summary>
/// <c>health</c>, <c>failover</c> and <c>history</c> through the CLI against a real PowerDNS on loopback: the answer is
/// read back with real DNS queries, never from internal state.
/// </summary>
[Collection(nameof(EnvironmentVariableCollection))]
public sealed class HealthAndFailoverCommandTests
{
    private const string Zone = "example.com";
    private const string Service = "app.example.com";

    [Fact]
    public async Task Health_once_publishes_the_primary_then_failover_to_moves_it_and_history_records_it()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var pdns = await PowerDnsServer.StartAsync(Zone + ".", cancel.Token);
        using var primary = new LoopbackHttpEndpoint();
        using var secondary = new LoopbackHttpEndpoint();
        using var dir = new TempDirectory("mr-cli-health-");
        var endpoints = dir.File("endpoints.json");
        File.WriteAllText(endpoints, JsonSerializer.Serialize(new
        {
            service = Service + ".",
            zone = Zone + ".",
            ttl = 5,
            policy = "failover",
            endpoints = new object[]
            {
                new { regionId = "us-east-1", healthUrl = primary.HealthUrl, target = "192.0.2.10", priority = 100, weight = 1, enabled = true },
                new { regionId = "us-west-2", healthUrl = secondary.HealthUrl, target = "192.0.2.20", priority = 90, weight = 1, enabled = true },
            },
        }));
        string[] common = ["--endpoints", endpoints, "--dns", "powerdns", "--pdns-url", pdns.ApiUrl.ToString(), "--history", dir.File("history.db"), "--interval", "0.3", "--timeout", "0.25", "--dwell", "0", "--success-threshold", "2"];
        Environment.SetEnvironmentVariable("MULTIREGION_PDNS_API_KEY", pdns.ApiKey);
        try
        {
            var first = await CliRun.RunAsync(["health", "--once", .. common]);
            Assert.True(first.Exit == 0, first.Stderr + first.Stdout);
            Assert.Equal(["192.0.2.10"], await DnsQuery.AddressesAsync(pdns.DnsPort, Service));

            var dry = await CliRun.RunAsync(["failover", "--to", "us-west-2", "--reason", "maintenance", "--record-only", .. common]);
            Assert.True(dry.Exit == 0, dry.Stderr);
            Assert.Equal(["192.0.2.10"], await DnsQuery.AddressesAsync(pdns.DnsPort, Service));

            var moved = await CliRun.RunAsync(["failover", "--to", "us-west-2", "--reason", "maintenance", .. common]);
            Assert.True(moved.Exit == 0, moved.Stderr + moved.Stdout);
            Assert.Contains("us-east-1: drained (failover to us-west-2: maintenance)", moved.Stdout, StringComparison.Ordinal);
            Assert.Equal(["192.0.2.20"], await DnsQuery.AddressesAsync(pdns.DnsPort, Service));

            // A fresh checker (a restart) keeps the drain: no failback by itself.
            var again = await CliRun.RunAsync(["health", "--once", .. common]);
            Assert.True(again.Exit == 0, again.Stderr);
            Assert.Equal(["192.0.2.20"], await DnsQuery.AddressesAsync(pdns.DnsPort, Service));

            var back = await CliRun.RunAsync(["failover", "--undrain", "us-east-1", .. common]);
            Assert.True(back.Exit == 0, back.Stderr + back.Stdout);
            Assert.Equal(["192.0.2.10"], await DnsQuery.AddressesAsync(pdns.DnsPort, Service));

            var history = await CliRun.RunAsync("history", "--json", "--history", dir.File("history.db"));
            Assert.True(history.Exit == 0, history.Stderr);
            using var json = JsonDocument.Parse(history.Stdout);
            Assert.True(json.RootElement.GetProperty("dnsChanges").GetArrayLength() >= 3);
            Assert.Contains(json.RootElement.GetProperty("failovers").EnumerateArray(), f => f.GetProperty("toRegion").GetString() == "us-west-2");
        }
        finally
        {
            Environment.SetEnvironmentVariable("MULTIREGION_PDNS_API_KEY", null);
        }
    }

    [Fact]
    public async Task Bad_options_are_one_clear_error_and_change_nothing()
    {
        var noMode = await CliRun.RunAsync("health", "--dns", "powerdns", "--endpoints", "/nonexistent.json");
        Assert.Equal(2, noMode.Exit);
        Assert.Contains("give exactly one of --once or --watch", noMode.Stderr, StringComparison.Ordinal);

        var badInterval = await CliRun.RunAsync("health", "--once", "--dns", "powerdns", "--interval", "-1", "--endpoints", "/nonexistent.json");
        Assert.Equal(2, badInterval.Exit);
        Assert.Contains("--interval must be a number of seconds", badInterval.Stderr, StringComparison.Ordinal);

        var missingFile = await CliRun.RunAsync("health", "--once", "--dns", "powerdns", "--endpoints", "/nonexistent.json");
        Assert.Equal(1, missingFile.Exit);
        Assert.Contains("/nonexistent.json", missingFile.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missingFile.Stderr, StringComparison.Ordinal);

        var noReason = await CliRun.RunAsync("failover", "--to", "us-west-2", "--dns", "powerdns", "--endpoints", "/nonexistent.json");
        Assert.Equal(2, noReason.Exit);
        Assert.Contains("--to needs --reason", noReason.Stderr, StringComparison.Ordinal);
    }
}

/// <summary>Tests that set process environment variables run one at a time.</summary>
[CollectionDefinition(nameof(EnvironmentVariableCollection), DisableParallelization = true)]
public sealed class EnvironmentVariableCollection;
