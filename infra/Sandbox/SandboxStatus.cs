namespace MultiRegion.Infra.Sandbox;

/// <summary>The sandbox right now (what <c>sandbox status</c> and the control endpoint's <c>GET /status</c> show).</summary>
public sealed record SandboxStatus(
    string Service,
    string Zone,
    string Policy,
    string DnsHost,
    int DnsPort,
    bool DistinctAddresses,
    double IntervalMs,
    int FailureThreshold,
    int SuccessThreshold,
    double DwellMs,
    IReadOnlyList<string> DeployedStacks,
    IReadOnlyList<SandboxRegionStatus> Regions,
    IReadOnlyList<string> ActiveRegions,
    IReadOnlyList<string> Answer,
    string? LastError,
    string? HistoryPath)
{
    public SandboxRegionStatus? Find(string regionId) =>
        Regions.FirstOrDefault(r => string.Equals(r.Id, regionId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The <c>dig</c> command that shows the service's answer.</summary>
    public string DigCommand => $"dig @{DnsHost} -p {DnsPort} {Service.TrimEnd('.')} A";
}
