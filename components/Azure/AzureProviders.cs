using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Azure;

/// <summary>
/// Explicit <c>pulumi:providers:azure-native</c> resources, one per location a stack touches (credentials and the
/// subscription come from the environment, as with <c>az login</c> or a workload identity). Azure has no provider
/// default tags, so every component sets <c>tags</c> itself.
/// </summary>
public static class AzureProviders
{
    /// <summary>The stack setting that names the Azure location.</summary>
    public const string LocationSetting = "azure-native:location";

    /// <summary>Declares the provider named <c>azureNative{Location}</c> and makes it the stack's default.</summary>
    public static Resource Declare(StackDefinition stack, string? location)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var name = location is null ? "azureNative" : LogicalName.Of("azureNative", location);
        return stack.FindResource(name) ?? stack.AddProvider(name, AzureTypes.Package, Value.Map(("location", OptionalValue.Of(location))), isDefault: true);
    }
}
