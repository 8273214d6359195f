using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Azure.Resources;

/// <summary>A resource group: the lifecycle boundary of one stack's Azure resources.</summary>
public sealed class AzureResourceGroup : Component
{
    public AzureResourceGroup(IConstruct scope, string name, string groupName, string location, IReadOnlyDictionary<string, string> tags)
        : base(scope, name)
    {
        Group = Resource("group", AzureTypes.ResourceGroup, Value.Map(
            ("resourceGroupName", groupName),
            ("location", location),
            ("tags", MapValue.Of(tags))));
        GroupName = groupName;
    }

    public Resource Group { get; }

    /// <summary>The group's name as an output (so dependents wait for the group).</summary>
    public Value ResourceGroupName => Group.Output("name");

    public string GroupName { get; }

    /// <summary>The ARM id, <c>/subscriptions/…/resourceGroups/{name}</c>.</summary>
    public Value Id => Group.Output("id");
}
