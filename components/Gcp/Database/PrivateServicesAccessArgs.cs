namespace MultiRegion.Components.Gcp.Database;

/// <summary>Inputs of <see cref="PrivateServicesAccess"/>: the range reserved in the network for Google-managed services.</summary>
public sealed record PrivateServicesAccessArgs(string NamePrefix, Graph.Value Network, string Address, int PrefixLength);
