namespace MultiRegion.Components.Graph;

/// <summary>Helpers for optional properties: an unset (null) input becomes an absent property.</summary>
public static class OptionalValue
{
    public static Value? Of(string? text) => text is null ? null : (Value)text;
}
