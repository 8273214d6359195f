using System.Globalization;
using System.Text;
using MultiRegion.Health.Dns.Route53;

namespace MultiRegion.Health.Tests.Dns.Route53;

/// <summary>
/// Vectors from the AWS SigV4 test suite (aws-sig-v4-test-suite, 2015-08-30, and botocore's
/// tests/unit/auth/aws4_testsuite, 2011-09-09). Credentials are the suite's published example key.
/// </summary>
public sealed class SigV4SignerTests
{
    private static readonly AwsCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string, string[], string, string> Vectors => new()
    {
        // name, method, path, query, headers (name:value), body, expected signature
        { "get-vanilla", "GET", "/", "", ["Host:example.amazonaws.com", "X-Amz-Date:20150830T123600Z"], "", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31" },
        { "get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", ["Host:example.amazonaws.com", "X-Amz-Date:20150830T123600Z"], "", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500" },
        { "get-utf8", "GET", "/ሴ", "", ["Host:example.amazonaws.com", "X-Amz-Date:20150830T123600Z"], "", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85" },
        { "post-vanilla", "POST", "/", "", ["Host:example.amazonaws.com", "X-Amz-Date:20150830T123600Z"], "", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b" },
        { "post-x-www-form-urlencoded", "POST", "/", "", ["Content-Type:application/x-www-form-urlencoded", "Host:example.amazonaws.com", "X-Amz-Date:20150830T123600Z"], "Param1=value1", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a" },
        { "get-header-value-trim", "GET", "/", "", ["Host:example.amazonaws.com", "My-Header1: value1", "My-Header2: \"a   b   c\"", "X-Amz-Date:20150830T123600Z"], "", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Matches_the_aws_test_suite(string name, string method, string path, string query, string[] headers, string body, string expected)
    {
        var signature = SigV4Signer.Sign(Request(method, path, query, headers, body), Example, "us-east-1", "service", SuiteTime);
        Assert.True(expected == signature.Signature, $"{name}: got {signature.Signature}\n{signature.CanonicalRequest}");
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=", signature.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_value_trim_canonicalizes_as_published()
    {
        var signature = SigV4Signer.Sign(Request("GET", "/", "", ["Host:example.amazonaws.com", "My-Header1: value1", "My-Header2: \"a   b   c\"", "X-Amz-Date:20150830T123600Z"], ""), Example, "us-east-1", "service", SuiteTime);
        Assert.Equal("GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", signature.CanonicalRequest);
    }

    // botocore tests/unit/auth/aws4_testsuite (2011 suite: Date header, service "host", paths encoded twice).
    [Theory]
    [InlineData("get-space", "/%20/foo", "GET\n/%2520/foo\n\ndate:Mon, 09 Sep 2011 23:36:00 GMT\nhost:host.foo.com\n\ndate;host\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "2be9e587d1ee1f0fd02128724b86b4358ba3630d39f493b6e06610a19a50779e")]
    [InlineData("get-utf8", "/%E1%88%B4", "GET\n/%25E1%2588%25B4\n\ndate:Mon, 09 Sep 2011 23:36:00 GMT\nhost:host.foo.com\n\ndate;host\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "57b1eb3df3b16a8479c0097b66c0b261cfd65b829419a3f2c3d05319722490b8")]
    public void Matches_the_botocore_2011_vectors(string name, string path, string canonical, string expected)
    {
        var time = DateTimeOffset.Parse("2011-09-09T23:36:00Z", CultureInfo.InvariantCulture);
        var signature = SigV4Signer.Sign(Request("GET", path, "", ["Date:Mon, 09 Sep 2011 23:36:00 GMT", "Host:host.foo.com"], ""), Example, "us-east-1", "host", time);
        Assert.Equal(canonical, signature.CanonicalRequest);
        Assert.True(expected == signature.Signature, name);
    }

    [Fact]
    public void Credentials_never_print_the_secret()
    {
        var credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-value");
        Assert.DoesNotContain("wJalr", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("session-token-value", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_an_http_request_sets_the_headers_route53_expects()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://route53.amazonaws.com/2013-04-01/change/C123");
        await SigV4Signer.SignAsync(request, new AwsCredentials("AKID", "secret", "tok"), "us-east-1", "route53", SuiteTime, TestContext.Current.CancellationToken);
        Assert.Equal("20150830T123600Z", request.Headers.GetValues("X-Amz-Date").Single());
        Assert.Equal("tok", request.Headers.GetValues("X-Amz-Security-Token").Single());
        var authorization = request.Headers.GetValues("Authorization").Single();
        Assert.Contains("Credential=AKID/20150830/us-east-1/route53/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=", authorization, StringComparison.Ordinal);
    }

    private static SigV4Request Request(string method, string path, string query, string[] headers, string body) =>
        new(method, path, query, [.. headers.Select(h => new KeyValuePair<string, string>(h[..h.IndexOf(':', StringComparison.Ordinal)], h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..]))], Encoding.UTF8.GetBytes(body));
}
