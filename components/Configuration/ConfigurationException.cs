namespace MultiRegion.Components.Configuration;

/// <summary>Raised when the configuration is rejected; carries every error found, each naming source, field and value.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<ConfigError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public ConfigurationException(ConfigError error)
        : this([error])
    {
    }

    public IReadOnlyList<ConfigError> Errors { get; }
}
