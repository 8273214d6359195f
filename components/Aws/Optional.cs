using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws;

/// <summary>Optional property values: an unset (null) string becomes an absent property.</summary>
public static class Optional
{
    public static Value? Of(string? text) => text is null ? null : (Value)text;
}
