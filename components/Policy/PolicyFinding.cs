namespace MultiRegion.Components.Policy;

/// <summary>
/// A rule violation: which rule, in which stack, on which resource (logical name, or <c>(topology)</c> for a finding
/// about the configuration itself) and property, and a message a reader can act on.
/// </summary>
public sealed record PolicyFinding(string RuleId, PolicySeverity Severity, string Stack, string Resource, string Property, string Message)
{
    public const string Topology = "(topology)";

    public override string ToString() =>
        $"{(Severity == PolicySeverity.Error ? "error" : "warning")} {RuleId}: {Stack}/{Resource}.{Property}: {Message}";
}
