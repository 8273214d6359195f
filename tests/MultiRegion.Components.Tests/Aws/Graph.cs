using MultiRegion.Components.Graph;
using MultiRegion.Components.Policy;

namespace MultiRegion.Components.Tests.Aws;

/// <summary>Assertions over a built stack graph.</summary>
internal static class Graph
{
    public static IReadOnlyList<Resource> OfType(this StackDefinition stack, string type) =>
        stack.Resources.Where(r => r.Type == type).ToArray();

    public static Resource Single(this StackDefinition stack, string type) => Assert.Single(stack.OfType(type));

    public static Resource Named(this StackDefinition stack, string name) =>
        stack.FindResource(name) ?? throw new Xunit.Sdk.XunitException($"no resource '{name}' in {stack.Name}: {string.Join(", ", stack.Resources.Select(r => r.Name))}");

    public static Value? At(this Resource resource, string path) => ValueQuery.At(resource, path);

    public static string? Text(this Resource resource, string path) => ValueQuery.Text(resource.At(path));

    public static bool IsTrue(this Resource resource, string path) => ValueQuery.IsTrue(resource.At(path));

    public static object? Literal(this Resource resource, string path) => ValueQuery.Unwrap(resource.At(path)) is Scalar s ? s.Literal : null;

    public static IReadOnlyList<Value> Items(this Resource resource, string path) => ValueQuery.Items(resource.At(path));

    /// <summary>All literal strings inside a property (policy documents, dashboards).</summary>
    public static IReadOnlyList<string> Texts(this Resource resource, string path) => ValueQuery.Texts(resource.At(path)).ToArray();

    public static bool Reads(this Value? value, Resource target) => value is not null && value.References.Contains(target);

    public static string? ReadsStackOutput(this Value? value) => value is StackOutputValue s ? $"{s.Reference.StackName}:{s.OutputName}" : null;
}
