using MultiRegion.Health.Dns;

namespace MultiRegion.Health.Tests.Support;

/// <summary>Decorates a provider so the test can make reads or writes fail (provider down).</summary>
internal sealed class SwitchableProvider(IDnsProvider inner) : IDnsProvider
{
    public bool ReadsFail { get; set; }

    public bool WritesFail { get; set; }

    public int Applies { get; private set; }

    public string Name => inner.Name;

    public bool SupportsRoutingPolicies => inner.SupportsRoutingPolicies;

    public Task<IReadOnlyList<DnsRecordSet>> ReadAsync(string zone, string name, CancellationToken cancellationToken = default) =>
        ReadsFail ? throw new DnsProviderException("fake", "connection refused", "Down", retryable: true) : inner.ReadAsync(zone, name, cancellationToken);

    public Task ApplyAsync(DnsChangeSet changes, CancellationToken cancellationToken = default)
    {
        Applies++;
        return WritesFail ? throw new DnsProviderException("fake", "HTTP 500 from provider", "500", retryable: true) : inner.ApplyAsync(changes, cancellationToken);
    }
}
