using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Policy.Rules;

/// <summary>Base of the built-in rules: id, severity, description, and a helper to phrase findings.</summary>
public abstract class PolicyRule : IPolicyRule
{
    public abstract string Id { get; }

    public virtual PolicySeverity Severity => PolicySeverity.Error;

    public abstract string Description { get; }

    public abstract IEnumerable<PolicyFinding> Evaluate(PolicyContext context);

    protected PolicyFinding Finding(StackDefinition stack, Resource resource, string property, string message)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(resource);
        return new PolicyFinding(Id, Severity, stack.Name, resource.Name, property, $"{resource.Name} ({resource.Type}): {message}");
    }

    protected PolicyFinding TopologyFinding(string property, string message) =>
        new(Id, Severity, "(project)", PolicyFinding.Topology, property, message);
}
