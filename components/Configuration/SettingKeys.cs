namespace MultiRegion.Components.Configuration;

/// <summary>The <c>multiregion:</c> keys the project understands, at project level and in stack files.</summary>
public static class SettingKeys
{
    public static readonly string[] Project =
    [
        "environment", "domain", "serviceName", "routingPolicy", "costCenter", "defaultTags",
        "healthCheck", "regions", "residencyExceptions", "waivers",
    ];

    /// <summary>Keys a regional stack file may set to override its region's defaults.</summary>
    public static readonly string[] RegionalStack =
    [
        "instanceType", "minSize", "maxSize", "desiredSize", "databaseInstanceClass", "cacheNodeType",
        "availabilityZones", "natStrategy", "kubeContext",
    ];

    /// <summary>Keys the global stack file may set.</summary>
    public static readonly string[] GlobalStack = ["hostedZoneId"];

    /// <summary>Keys the cross-region stack file may set.</summary>
    public static readonly string[] CrossRegionStack = [];
}
