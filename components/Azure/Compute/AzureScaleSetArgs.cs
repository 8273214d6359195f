namespace MultiRegion.Components.Azure.Compute;

/// <summary>
/// Inputs of <see cref="AzureScaleSet"/>. Defaults: Ubuntu 22.04 (gen 2) with Trusted Launch (secure boot, vTPM),
/// SSH keys only (password authentication disabled), no public addresses, premium managed OS disk, boot
/// diagnostics, rolling upgrades gated by the load balancer's health probe, automatic repairs, automatic OS
/// upgrades, and a CPU autoscale rule between the region's min and max.
/// </summary>
public sealed record AzureScaleSetArgs(
    string NamePrefix,
    string Location,
    Graph.Value ResourceGroupName,
    Graph.Value SubnetId,
    Graph.Value BackendPoolId,
    Graph.Value HealthProbeId,
    string SshPublicKey)
{
    public string VmSize { get; init; } = "Standard_D2s_v5";

    public int MinSize { get; init; } = 2;

    public int MaxSize { get; init; } = 6;

    public int DesiredSize { get; init; } = 2;

    /// <summary>Availability zones to spread over ("1", "2", "3"); none for regions without zones.</summary>
    public IReadOnlyList<string> Zones { get; init; } = ["1", "2", "3"];

    public string AdminUsername { get; init; } = "azureuser";

    public string ImagePublisher { get; init; } = "Canonical";

    public string ImageOffer { get; init; } = "0001-com-ubuntu-server-jammy";

    public string ImageSku { get; init; } = "22_04-lts-gen2";

    public double ScaleOutCpuPercent { get; init; } = 70;

    public double ScaleInCpuPercent { get; init; } = 30;

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
