namespace MultiRegion.Health;

/// <summary>Bad input (options, endpoints file, provider settings): the message names the field and the value.</summary>
public sealed class HealthConfigurationException : Exception
{
    public HealthConfigurationException()
    {
    }

    public HealthConfigurationException(string message)
        : base(message)
    {
    }

    public HealthConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws one exception whose message lists every error (one per line), if there are any.</summary>
    public static void ThrowIfAny(IReadOnlyCollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count > 0)
        {
            throw new HealthConfigurationException(string.Join(Environment.NewLine, errors));
        }
    }
}
