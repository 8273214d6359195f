namespace MultiRegion.Components.Gcp.Dns;

/// <summary>Inputs of <see cref="CloudDnsZone"/>. Defaults: public zone, DNSSEC on, query logging on, protected.</summary>
public sealed record CloudDnsZoneArgs(string Domain)
{
    public bool Dnssec { get; init; } = true;

    public bool QueryLogging { get; init; } = true;

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
