namespace MultiRegion.Components.Azure.Storage;

/// <summary>
/// Inputs of <see cref="AzureStorageAccount"/>. Defaults: StorageV2 with read-access geo-redundant storage
/// (Standard_RAGRS), HTTPS only, TLS 1.2 minimum, no anonymous blob access, no shared-key (account key) access,
/// OAuth by default in the portal, public network access disabled (private endpoints or trusted Azure services
/// only), infrastructure (double) encryption, blob versioning, change feed and 30-day soft delete.
/// </summary>
public sealed record AzureStorageAccountArgs(string AccountName, string Location, Graph.Value ResourceGroupName)
{
    /// <summary>Standard_GRS or Standard_RAGRS (geo-redundant); RA-GRS also allows reads from the secondary.</summary>
    public string Sku { get; init; } = "Standard_RAGRS";

    public int SoftDeleteDays { get; init; } = 30;

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
