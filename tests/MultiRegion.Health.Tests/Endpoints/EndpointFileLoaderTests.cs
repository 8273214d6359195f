using FsCheck;
using FsCheck.Fluent;
using MultiRegion.Health.Endpoints;

namespace MultiRegion.Health.Tests.Endpoints;

public sealed class EndpointFileLoaderTests
{
    private const string Valid = """
        {
          "service": "App.Example.com",
          "zone": "example.com.",
          "ttl": 30,
          "policy": "failover",
          "endpoints": [
            { "regionId": "eu-west-1", "healthUrl": "https://eu.example.com/healthz", "target": "192.0.2.10", "priority": 20, "weight": 70, "geo": "EU" },
            { "regionId": "us-east-1", "healthUrl": "http://us.example.com/healthz", "target": "2001:db8::1", "priority": 10, "enabled": false, "geo": "*" }
          ]
        }
        """;

    [Fact]
    public void Loads_a_valid_file()
    {
        var result = EndpointFileLoader.Parse(Valid, "endpoints.json");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var service = result.Service!;
        Assert.Equal("app.example.com.", service.Service);
        Assert.Equal(RoutingPolicyKind.Failover, service.Policy);
        Assert.Equal(2, service.Endpoints.Count);
        var eu = service.Endpoints[0];
        Assert.Equal(("eu-west-1", 20, 70, true, "EU"), (eu.RegionId, eu.Priority, eu.Weight, eu.Enabled, eu.GeoLocation));
        Assert.Equal(Health.Dns.DnsRecordType.A, eu.RecordType);
        Assert.Equal(Health.Dns.DnsRecordType.AAAA, service.Endpoints[1].RecordType);
        Assert.False(service.Endpoints[1].Enabled);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { Valid.Replace("\"ttl\": 30", "\"ttl\": 0", StringComparison.Ordinal), "endpoints.json: ttl: 0 must be between 1 and 604800" },
        { Valid.Replace("\"failover\"", "\"random\"", StringComparison.Ordinal), "endpoints.json: policy: \"random\" must be one of failover, weighted, latency, geo" },
        { Valid.Replace("https://eu.example.com/healthz", "ftp://eu", StringComparison.Ordinal), "endpoints.json: endpoints[0].healthUrl: 'ftp://eu' must be an absolute http:// or https:// URL" },
        { Valid.Replace("\"192.0.2.10\"", "\"not a host!\"", StringComparison.Ordinal), "endpoints.json: endpoints[0].target: 'not a host!' is neither an IP address nor a valid host name" },
        { Valid.Replace("\"priority\": 20", "\"priority\": \"high\"", StringComparison.Ordinal), "endpoints.json: endpoints[0].priority: \"high\" must be a whole number" },
        { Valid.Replace("\"weight\": 70", "\"weight\": 300", StringComparison.Ordinal), "endpoints.json: endpoints[0].weight: 300 must be between 0 and 255" },
        { Valid.Replace("\"EU\"", "\"Europe\"", StringComparison.Ordinal), "endpoints.json: endpoints[0].geo: \"Europe\" must be a continent code (AF, AN, AS, EU, NA, OC, SA) or \"*\"" },
        { Valid.Replace("us-east-1\"", "eu-west-1\"", StringComparison.Ordinal), "endpoints.json: endpoints[].regionId: 'eu-west-1' appears 2 times (region ids must be unique)" },
        { Valid.Replace("\"zone\": \"example.com.\"", "\"zone\": \"example.org.\"", StringComparison.Ordinal), "endpoints.json: service: 'app.example.com.' is not inside zone 'example.org.'" },
        { Valid.Replace("\"service\": \"App.Example.com\",", string.Empty, StringComparison.Ordinal), "endpoints.json: service: missing" },
        { Valid.Replace("\"target\": \"2001:db8::1\"", "\"target\": \"lb.example.net\"", StringComparison.Ordinal), "endpoints.json: endpoints[].target: host names (CNAME) and addresses cannot be mixed under one name" },
        { "{ \"service\": \"a.example.com\", \"zone\": \"example.com\", \"endpoints\": [] }", "endpoints.json: endpoints: the list is empty (at least one region is required)" },
        { "[1, 2]", "endpoints.json: the root must be a JSON object, got Array" },
        { "{ \"service\": ", "endpoints.json: not valid JSON" },
        { "", "endpoints.json: the file is empty" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Every_bad_input_gets_one_message_naming_file_field_and_value(string json, string expected)
    {
        var result = EndpointFileLoader.Parse(json, "endpoints.json");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_throws_one_configuration_exception_listing_the_errors()
    {
        using var temp = new Tests.Support.TempDirectory("mr-ep-");
        var path = temp.File("endpoints.json");
        File.WriteAllText(path, Valid.Replace("\"ttl\": 30", "\"ttl\": -1", StringComparison.Ordinal));

        var ex = Assert.Throws<HealthConfigurationException>(() => EndpointFileLoader.Load(path));

        Assert.Contains(path + ": ttl: -1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot read", Assert.Throws<HealthConfigurationException>(() => EndpointFileLoader.Load(path + ".missing")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_throws_for_arbitrary_field_values()
    {
        var values = Gen.Elements("null", "0", "-5", "1e400", "\"\"", "\"x\"", "true", "[]", "{}", "\"http://h/\"", "\"192.0.2.1\"", "\"a.example.com\"", "99999999999", "\"*\"", "\"EU\"", "\"weighted\"");
        var fields = Gen.Elements("service", "zone", "ttl", "policy", "regionId", "healthUrl", "target", "priority", "weight", "enabled", "geo", "endpoints");
        var documents =
            from topField in fields
            from topValue in values
            from innerField in fields
            from innerValue in values
            select $$"""{ "service": "app.example.com", "zone": "example.com", "{{topField}}": {{topValue}}, "endpoints": [ { "regionId": "a", "healthUrl": "http://a/", "target": "192.0.2.1", "{{innerField}}": {{innerValue}} } ] }""";

        Prop.ForAll(documents.ToArbitrary(), json =>
        {
            var result = EndpointFileLoader.Parse(json, "f.json");
            return result.IsValid || (result.Errors.Count > 0 && result.Errors.All(e => e.StartsWith("f.json: ", StringComparison.Ordinal)));
        }).QuickCheckThrowOnFailure();
    }
}
