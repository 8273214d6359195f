using MultiRegion.Components.Graph;
using MultiRegion.Components.Stacks;

namespace MultiRegion.Components.Gcp;

/// <summary>
/// Explicit <c>pulumi:providers:gcp</c> resources: one per project and region a stack touches, with the deployment's
/// tags as default labels (GCP label keys and values are lower-case, so they are normalised).
/// </summary>
public static class GcpProviders
{
    /// <summary>The stack setting that names the GCP project (required in every GCP stack file).</summary>
    public const string ProjectSetting = "gcp:project";

    /// <summary>The stack setting that names the GCP region.</summary>
    public const string RegionSetting = "gcp:region";

    /// <summary>Declares the provider named <c>gcp{Region}</c> (e.g. <c>gcpEuropeWest1</c>) and makes it the stack's default.</summary>
    public static Resource Declare(StackContext context, string region)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = LogicalName.Of("gcp", region);
        return context.Stack.FindResource(name) ?? context.Stack.AddProvider(name, GcpTypes.Package, Value.Map(
            ("project", OptionalValue.Of(context.Settings.Get(ProjectSetting))),
            ("region", region),
            ("defaultLabels", MapValue.Of(Labels(context.DefaultTags)))), isDefault: true);
    }

    /// <summary>Tags as GCP labels: lower-case letters, digits, '_' and '-', at most 63 characters.</summary>
    public static IReadOnlyDictionary<string, string> Labels(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.ToDictionary(kv => Label(kv.Key), kv => Label(kv.Value), StringComparer.Ordinal);
    }

    internal static string Label(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToLowerInvariant(c) : '_').ToArray();
        var label = new string(chars);
        return label.Length > 63 ? label[..63] : label;
    }
}
