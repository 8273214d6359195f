using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRegion.Components.Aws;
using MultiRegion.Components.Configuration;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Policy;
using MultiRegion.Components.Stacks;

namespace MultiRegion.Components.Tests.Aws;

/// <summary>
/// Builds projects for the AWS tests: the repository's example (Pulumi.yaml + stacks/), or an in-memory topology in
/// the shape the compiler hook receives (PULUMI_CONFIG), which tests can vary.
/// </summary>
internal static class AwsTestProject
{
    public static JsonArray ExampleRegions() =>
    [
        new JsonObject { ["id"] = "us-east-1", ["role"] = "primary", ["priority"] = 100, ["weight"] = 40, ["cidr"] = "10.0.0.0/16" },
        new JsonObject { ["id"] = "us-west-2", ["role"] = "secondary", ["priority"] = 90, ["weight"] = 30, ["cidr"] = "10.1.0.0/16" },
        new JsonObject { ["id"] = "eu-central-1", ["role"] = "secondary", ["priority"] = 80, ["weight"] = 20, ["cidr"] = "10.2.0.0/16", ["compliance"] = new JsonArray("gdpr") },
        new JsonObject { ["id"] = "ap-southeast-1", ["role"] = "secondary", ["priority"] = 70, ["weight"] = 10, ["cidr"] = "10.3.0.0/16" },
    ];

    /// <summary>An in-memory project; <paramref name="customize"/> edits the config (keys without the namespace).</summary>
    public static ProjectModel InMemory(Action<JsonObject>? customize = null)
    {
        var config = new JsonObject
        {
            ["environment"] = "production",
            ["domain"] = "example.com",
            ["serviceName"] = "app",
            ["routingPolicy"] = "failover",
            ["costCenter"] = "platform",
            ["healthCheck"] = new JsonObject { ["path"] = "/healthz", ["intervalSeconds"] = 10, ["failureThreshold"] = 3, ["ttl"] = 60 },
            ["regions"] = ExampleRegions(),
        };
        customize?.Invoke(config);
        var pulumiConfig = new JsonObject { ["aws:region"] = "us-east-1" };
        foreach (var (key, value) in config)
        {
            pulumiConfig[$"multiregion:{key}"] = value is JsonValue v ? v.ToString() : value?.ToJsonString();
        }

        return ProjectLoader.Load(new PulumiEnvironmentConfigurationSource("multiregion", "global", pulumiConfig.ToJsonString()));
    }

    /// <summary>The repository's example deployment, loaded from disk exactly as the CLI does.</summary>
    public static ProjectModel Example() => ProjectLoader.LoadDirectory(RepositoryRoot());

    public static DeploymentSynthesizer Synthesizer(ProjectModel project) => new(project, [new AwsPlatform()]);

    public static StackDefinition Build(ProjectModel project, string stack) => Synthesizer(project).Build(stack);

    public static PolicyReport Gate(ProjectModel project) => PolicyGate.Evaluate(project, Synthesizer(project).BuildAll());

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "components")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (Pulumi.yaml) not found above the test binaries");
    }

    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
