using FsCheck;
using FsCheck.Fluent;
using MultiRegion.Components.Configuration;

namespace MultiRegion.Components.Tests.Configuration;

/// <summary>Whatever Pulumi hands the compiler hook, the loader either loads or raises a <see cref="ConfigurationException"/>.</summary>
public sealed class LoaderRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\\"", "null", "true", "1e309", "-1", "0", "\"10.0.0.0/16\"", "\"primary\"",
        "\"id\"", "\"cidr\"", "\"role\"", "\"priority\"", "\"regions\"", "\"multiregion:regions\"", "\"multiregion:domain\"",
        "\"example.com\"", "\"aws\"", "\"capacity\"", "\"minSize\"", "{\"a\":1}", "[{}]", "\"[{\\\"id\\\":1}]\"", "\"{\\\"x\\\":\"",
    ];

    [Fact]
    public void The_loader_never_throws_anything_but_a_configuration_error()
    {
        var inputs = Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts));
        Prop.ForAll(inputs.ToArbitrary(), json => LoadsOrRejects(json)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Structurally_valid_but_wrong_values_are_rejected_not_thrown()
    {
        var values = Gen.Elements("null", "1", "\"x\"", "[]", "{}", "[1,2]", "true", "-5", "\"10.0.0.0/8\"", "[{\"id\":\"us-east-1\"}]");
        var keys = Gen.Elements("regions", "domain", "environment", "healthCheck", "defaultTags", "waivers", "residencyExceptions", "routingPolicy");
        var entries = Gen.ArrayOf(Gen.Zip(keys, values)).Select(pairs => "{" + string.Join(",", pairs.DistinctBy(p => p.Item1).Select(p => $"\"multiregion:{p.Item1}\": {Encode(p.Item2)}")) + "}");
        Prop.ForAll(entries.ToArbitrary(), json => LoadsOrRejects(json)).QuickCheckThrowOnFailure();
    }

    private static string Encode(string jsonValue) => jsonValue.StartsWith('[') || jsonValue.StartsWith('{')
        ? System.Text.Json.JsonSerializer.Serialize(jsonValue)
        : jsonValue;

    private static bool LoadsOrRejects(string json)
    {
        try
        {
            ProjectLoader.Load(new PulumiEnvironmentConfigurationSource("multiregion", "us-east-1", json));
            return true;
        }
        catch (ConfigurationException ex)
        {
            return ex.Errors.Count > 0 && ex.Errors.All(e => e.Source.Length > 0 && e.Field.Length > 0 && e.Problem.Length > 0);
        }
    }
}
