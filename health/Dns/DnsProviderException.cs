namespace MultiRegion.Health.Dns;

/// <summary>The DNS provider refused or failed a request; the message never contains secrets.</summary>
public sealed class DnsProviderException : Exception
{
    public DnsProviderException()
    {
    }

    public DnsProviderException(string message)
        : base(message)
    {
    }

    public DnsProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DnsProviderException(string provider, string message, string? code = null, bool retryable = false, Exception? innerException = null)
        : base($"{provider}: {message}", innerException)
    {
        Provider = provider;
        Code = code;
        IsRetryable = retryable;
    }

    public string? Provider { get; }

    /// <summary>Provider error code (e.g. Route 53 "InvalidChangeBatch", a DNS RCODE).</summary>
    public string? Code { get; }

    public bool IsRetryable { get; }
}
