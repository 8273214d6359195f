using MultiRegion.Components.Configuration;
using MultiRegion.Components.Graph;
using MultiRegion.Components.Stacks;

namespace MultiRegion.Components.Tests.Support;

/// <summary>Writes a throw-away project (Pulumi.yaml + stack files) and loads it the way the CLI does.</summary>
internal sealed class TestProject : IDisposable
{
    private TestProject(string directory) => Directory = directory;

    public string Directory { get; }

    public static TestProject Create(string pulumiYaml, IReadOnlyDictionary<string, string> stackFiles)
    {
        var dir = Path.Combine(Path.GetTempPath(), "mr-test-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "stacks"));
        File.WriteAllText(Path.Combine(dir, "Pulumi.yaml"), pulumiYaml);
        foreach (var (stack, body) in stackFiles)
        {
            File.WriteAllText(Path.Combine(dir, "stacks", $"Pulumi.{stack}.yaml"), body);
        }

        return new TestProject(dir);
    }

    public ProjectModel Load() => ProjectLoader.LoadDirectory(Directory);

    public DeploymentSynthesizer Synthesizer() => Synthesizer(Load());

    public static DeploymentSynthesizer Synthesizer(ProjectModel model) => new(model, TestPlatforms.All, TestPlatforms.AddOns);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The repository root (the folder holding MultiRegion.sln).</summary>
    public static string RepositoryRoot() => RepositoryPaths.Root;

    /// <summary>A Pulumi.yaml for the given region entries (YAML list items, already indented by 6).</summary>
    public static string ProjectYaml(string regions, string routingPolicy = "failover", string extra = "") => $"""
        name: test
        runtime: yaml
        stackConfigDir: stacks
        config:
          environment: production
          domain: example.com
          serviceName: app
          routingPolicy: {routingPolicy}
          workerImage: registry.example.com/worker:1
        {extra}
          regions:
            value:
        {regions}
        """;
}

/// <summary>Queries over a built stack.</summary>
internal static class StackQueries
{
    public static IReadOnlyList<Resource> OfType(this StackDefinition stack, string type) =>
        stack.Resources.Where(r => r.Type == type).ToArray();

    public static Resource Single(this StackDefinition stack, string type) => Assert.Single(stack.OfType(type));

    /// <summary>A nested property by path: <c>settings.ipConfiguration.ipv4Enabled</c>, list items by index (<c>rules.0</c>).</summary>
    public static Value? At(this Resource resource, string path) => At(resource.Properties, path);

    public static Value? At(Value? value, string path)
    {
        foreach (var part in path.Split('.'))
        {
            value = value switch
            {
                MapValue m => m.Entries.FirstOrDefault(e => e.Key == part).Value,
                ListValue l when int.TryParse(part, out var i) && i < l.Items.Count => l.Items[i],
                _ => null,
            };
        }

        return value;
    }

    public static object? Literal(this Resource resource, string path) => (resource.At(path) as Scalar)?.Literal;

    public static List<object?> Literals(this Resource resource, string path) =>
        (resource.At(path) as ListValue)?.Items.Select(i => (i as Scalar)?.Literal).ToList() ?? [];
}
