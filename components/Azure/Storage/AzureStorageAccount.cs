using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Azure.Storage;

/// <summary>A geo-redundant storage account locked down to HTTPS, TLS 1.2, Entra ID and private access, with versioned blobs.</summary>
public sealed class AzureStorageAccount : Component
{
    public AzureStorageAccount(IConstruct scope, string name, AzureStorageAccountArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Sku is not ("Standard_GRS" or "Standard_RAGRS" or "Standard_GZRS" or "Standard_RAGZRS"))
        {
            throw new ArgumentException($"storage SKU '{args.Sku}' is not geo-redundant; use Standard_GRS, Standard_RAGRS, Standard_GZRS or Standard_RAGZRS", nameof(args));
        }

        Account = Resource("account", AzureTypes.StorageAccount, Value.Map(
            ("accountName", args.AccountName),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", args.Location),
            ("kind", "StorageV2"),
            ("sku", Value.Map(("name", args.Sku))),
            ("accessTier", "Hot"),
            ("enableHttpsTrafficOnly", true),
            ("minimumTlsVersion", "TLS1_2"),
            ("allowBlobPublicAccess", false),
            ("allowSharedKeyAccess", false),
            ("defaultToOAuthAuthentication", true),
            ("allowCrossTenantReplication", false),
            ("publicNetworkAccess", "Disabled"),
            ("networkRuleSet", Value.Map(("defaultAction", "Deny"), ("bypass", "AzureServices"))),
            ("encryption", Value.Map(
                ("keySource", "Microsoft.Storage"),
                ("requireInfrastructureEncryption", true),
                ("services", Value.Map(
                    ("blob", Value.Map(("enabled", true), ("keyType", "Account"))),
                    ("file", Value.Map(("enabled", true), ("keyType", "Account"))))))),
            ("tags", MapValue.Of(args.Tags))),
            new ResourceOptions { Protect = true });

        BlobService = Resource("blobService", AzureTypes.BlobServiceProperties, Value.Map(
            ("accountName", Account.Output("name")),
            ("resourceGroupName", args.ResourceGroupName),
            ("blobServicesName", "default"),
            ("isVersioningEnabled", true),
            ("changeFeed", Value.Map(("enabled", true))),
            ("deleteRetentionPolicy", Value.Map(("enabled", true), ("days", args.SoftDeleteDays))),
            ("containerDeleteRetentionPolicy", Value.Map(("enabled", true), ("days", args.SoftDeleteDays)))));
    }

    /// <summary>The private DNS zone Blob private endpoints register in.</summary>
    public const string BlobPrivateLinkZone = "privatelink.blob.core.windows.net";

    public Resource Account { get; }

    public Resource BlobService { get; }
}
