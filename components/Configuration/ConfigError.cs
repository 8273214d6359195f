namespace MultiRegion.Components.Configuration;

/// <summary>One rejected input: where it came from, which field, which value, and what is wrong.</summary>
public sealed record ConfigError(string Source, string Field, string? Value, string Problem)
{
    public override string ToString() => Value is null
        ? $"{Source}: {Field}: {Problem}"
        : $"{Source}: {Field}: {Problem} (value: '{Value}')";
}
