using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws;

/// <summary>Explicit <c>pulumi:providers:aws</c> resources: one per AWS region a stack touches, with default tags.</summary>
public static class AwsProviders
{
    /// <summary>Declares the provider for <paramref name="region"/> named <c>aws{Region}</c> (e.g. <c>awsUsEast1</c>).</summary>
    public static Resource Declare(StackDefinition stack, string region, IReadOnlyDictionary<string, string> tags, bool isDefault)
    {
        var name = LogicalName.Of("aws", region);
        return stack.FindResource(name) ?? stack.AddProvider(name, "aws", Value.Map(
            ("region", region),
            ("defaultTags", Value.Map(("tags", MapValue.Of(tags))))), isDefault);
    }
}
