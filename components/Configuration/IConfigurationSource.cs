namespace MultiRegion.Components.Configuration;

/// <summary>Where configuration comes from: the project on disk, or the variables Pulumi hands the compiler hook.</summary>
public interface IConfigurationSource
{
    /// <summary>Reads the raw configuration; throws <see cref="ConfigurationException"/> on malformed input.</summary>
    RawConfiguration Read();
}
