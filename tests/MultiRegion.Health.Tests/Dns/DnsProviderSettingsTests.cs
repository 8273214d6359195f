using System.Net;
using MultiRegion.Health.Dns;
using MultiRegion.Health.Dns.Embedded;
using MultiRegion.Health.Dns.Rfc2136;
using MultiRegion.Health.Dns.Route53;

namespace MultiRegion.Health.Tests.Dns;

public sealed class DnsProviderSettingsTests
{
    public static TheoryData<DnsProviderSettings, string> Bad => new()
    {
        { new DnsProviderSettings { Kind = "cloudflare", OwnerId = "me" }, "provider: 'cloudflare' must be one of" },
        { new DnsProviderSettings { Kind = "route53", OwnerId = "me" }, "route53.hostedZoneId: missing" },
        { new DnsProviderSettings { Kind = "powerdns", OwnerId = "me" }, "powerdns.url: missing" },
        { new DnsProviderSettings { Kind = "powerdns", OwnerId = "me", PowerDnsUrl = new Uri("http://127.0.0.1:8081/"), PowerDnsApiKeyVariable = "MR_TEST_UNSET_VARIABLE" }, "environment variable MR_TEST_UNSET_VARIABLE is not set" },
        { new DnsProviderSettings { Kind = "rfc2136", OwnerId = "me", TsigKeyFile = "/k" , Rfc2136Server = "not-an-ip" }, "rfc2136.server: 'not-an-ip'" },
        { new DnsProviderSettings { Kind = "rfc2136", OwnerId = "me" }, "rfc2136.tsigKeyFile: missing" },
        { new DnsProviderSettings { Kind = "embedded", OwnerId = "me" }, "embedded.store: missing" },
        { new DnsProviderSettings { Kind = "embedded", OwnerId = "has space", EmbeddedStore = new EmbeddedZoneStore() }, "ownerId: 'has space'" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Bad_settings_get_one_message_naming_the_field(DnsProviderSettings settings, string expected)
    {
        var ex = Assert.Throws<HealthConfigurationException>(() => settings.CreateProvider());
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_settings_create_each_provider()
    {
        using var temp = new Support.TempDirectory("mr-key-");
        var keyFile = temp.File("k.key");
        File.WriteAllText(keyFile, "key \"mr\" {\n\talgorithm hmac-sha256;\n\tsecret \"c2VjcmV0LXNlY3JldC1zZWNyZXQ=\";\n};\n");
        Assert.IsType<Route53DnsProvider>(new DnsProviderSettings { Kind = "route53", OwnerId = "me", Route53HostedZoneId = "Z0ABC" }.CreateProvider());
        Assert.IsType<Rfc2136DnsProvider>(new DnsProviderSettings { Kind = "RFC2136", OwnerId = "me", TsigKeyFile = keyFile, Rfc2136Server = "127.0.0.1" }.CreateProvider());
        Assert.IsType<EmbeddedDnsProvider>(new DnsProviderSettings { Kind = "embedded", OwnerId = "me", EmbeddedStore = new EmbeddedZoneStore() }.CreateProvider());
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 53), DnsProviderSettings.ParseServer("127.0.0.1"));
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, 5353), DnsProviderSettings.ParseServer("[::1]:5353"));
        Assert.DoesNotContain("c2VjcmV0", TsigKey.FromBindKeyFile(keyFile).ToString(), StringComparison.Ordinal);
    }
}
