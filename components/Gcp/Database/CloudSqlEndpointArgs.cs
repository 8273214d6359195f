namespace MultiRegion.Components.Gcp.Database;

/// <summary>Inputs of <see cref="CloudSqlEndpoint"/>: where the endpoint lives and which service attachment it targets.</summary>
public sealed record CloudSqlEndpointArgs(string NamePrefix, string Region, Graph.Value Network, Graph.Value Subnetwork, Graph.Value ServiceAttachment);
