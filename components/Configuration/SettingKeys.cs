namespace MultiRegion.Components.Configuration;

/// <summary>The <c>multiregion:</c> keys the project understands, at project level and in stack files.</summary>
public static class SettingKeys
{
    public static readonly string[] Project =
    [
        "environment", "domain", "serviceName", "routingPolicy", "costCenter", "defaultTags",
        "healthCheck", "regions", "residencyExceptions", "waivers",

        // Worker pools (Kubernetes): the image every pool runs and the Secret holding the broker URL. Project-wide,
        // and a regional or cross-region stack file may override them.
        "workerImage", "brokerSecret",
    ];

    /// <summary>Keys a regional stack file may set to override its region's defaults.</summary>
    public static readonly string[] RegionalStack =
    [
        "instanceType", "minSize", "maxSize", "desiredSize", "databaseInstanceClass", "cacheNodeType",
        "availabilityZones", "natStrategy", "kubeContext",
        "kmsKeyName", "sshPublicKey", "sqlAdminLogin", "sqlAdminObjectId", "workerImage", "brokerSecret",
    ];

    /// <summary>Settings every Azure regional stack file needs: the scale set's SSH key and the
    /// Microsoft Entra group that administers Azure SQL (the servers allow Entra authentication only).</summary>
    public static readonly string[] AzureRegionalRequired = ["sshPublicKey", "sqlAdminLogin", "sqlAdminObjectId"];

    /// <summary>Keys the global stack file may set.</summary>
    public static readonly string[] GlobalStack = ["hostedZoneId"];

    /// <summary>Keys the cross-region stack file may set.</summary>
    public static readonly string[] CrossRegionStack = ["kubeContext", "workerImage", "brokerSecret"];
}
