namespace MultiRegion.Components.Policy;

/// <summary>How bad a finding is: errors fail validate/synth/compile unless waived; warnings are reported.</summary>
public enum PolicySeverity
{
    Warning,
    Error,
}
