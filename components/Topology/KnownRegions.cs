using System.Collections.Frozen;

namespace MultiRegion.Components.Topology;

/// <summary>The provider region names a topology may use, per cloud.</summary>
public static class KnownRegions
{
    private static readonly FrozenSet<string> Aws = Set(
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1",
        "sa-east-1", "mx-central-1",
        "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1", "eu-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-east-1",
        "me-south-1", "me-central-1", "il-central-1", "af-south-1");

    private static readonly FrozenSet<string> Gcp = Set(
        "us-central1", "us-east1", "us-east4", "us-east5", "us-west1", "us-west2", "us-west3", "us-west4", "us-south1",
        "northamerica-northeast1", "northamerica-northeast2", "southamerica-east1", "southamerica-west1",
        "europe-west1", "europe-west2", "europe-west3", "europe-west4", "europe-west6", "europe-west8", "europe-west9",
        "europe-west10", "europe-west12", "europe-north1", "europe-central2", "europe-southwest1",
        "asia-east1", "asia-east2", "asia-northeast1", "asia-northeast2", "asia-northeast3", "asia-south1", "asia-south2",
        "asia-southeast1", "asia-southeast2", "australia-southeast1", "australia-southeast2",
        "me-west1", "me-central1", "africa-south1");

    private static readonly FrozenSet<string> Azure = Set(
        "eastus", "eastus2", "centralus", "northcentralus", "southcentralus", "westcentralus", "westus", "westus2", "westus3",
        "canadacentral", "canadaeast", "brazilsouth",
        "northeurope", "westeurope", "uksouth", "ukwest", "francecentral", "germanywestcentral", "switzerlandnorth",
        "norwayeast", "swedencentral", "polandcentral", "italynorth", "spaincentral",
        "eastasia", "southeastasia", "japaneast", "japanwest", "koreacentral", "centralindia", "southindia",
        "australiaeast", "australiasoutheast", "uaenorth", "southafricanorth", "qatarcentral", "israelcentral");

    public static bool Contains(CloudProvider cloud, string region) => cloud switch
    {
        CloudProvider.Aws => Aws.Contains(region),
        CloudProvider.Gcp => Gcp.Contains(region),
        CloudProvider.Azure => Azure.Contains(region),
        _ => false,
    };

    /// <summary>Whether a provider region lies in the European Union / EEA (for data-residency rules).</summary>
    public static bool IsInEurope(CloudProvider cloud, string region) => cloud switch
    {
        CloudProvider.Aws => region.StartsWith("eu-", StringComparison.Ordinal),
        CloudProvider.Gcp => region.StartsWith("europe-", StringComparison.Ordinal),
        CloudProvider.Azure => region is "northeurope" or "westeurope" or "francecentral" or "germanywestcentral"
            or "norwayeast" or "swedencentral" or "polandcentral" or "italynorth" or "spaincentral" or "switzerlandnorth",
        _ => false,
    };

    private static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);
}
