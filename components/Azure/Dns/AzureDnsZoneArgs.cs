namespace MultiRegion.Components.Azure.Dns;

/// <summary>Inputs of <see cref="AzureDnsZone"/>: a public zone for <see cref="Domain"/>, protected from deletion.</summary>
public sealed record AzureDnsZoneArgs(string Domain, Graph.Value ResourceGroupName)
{
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
