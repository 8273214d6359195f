namespace MultiRegion.Components.Gcp.Compute;

/// <summary>
/// Inputs of <see cref="GcpInstanceGroup"/>. Defaults: Shielded VM (secure boot, vTPM, integrity monitoring), no
/// public IP, OS Login with project-wide SSH keys blocked, a dedicated service account, balanced persistent disks,
/// autohealing after a 5-minute grace period, rolling replacement with no capacity loss.
/// </summary>
public sealed record GcpInstanceGroupArgs(string NamePrefix, string Region, Graph.Value Subnetwork, string NetworkTag)
{
    public string MachineType { get; init; } = "e2-standard-2";

    public string SourceImage { get; init; } = "debian-cloud/debian-12";

    public int DiskSizeGb { get; init; } = 20;

    public int MinSize { get; init; } = 2;

    public int MaxSize { get; init; } = 6;

    /// <summary>The port the application serves TLS on (named <c>https</c> on the group).</summary>
    public int AppPort { get; init; } = 8443;

    public string HealthPath { get; init; } = "/healthz";

    /// <summary>Seconds a new instance may take to boot before autohealing judges it.</summary>
    public int AutohealingDelaySeconds { get; init; } = 300;

    /// <summary>Target CPU utilisation of the autoscaler (0..1).</summary>
    public double TargetCpuUtilization { get; init; } = 0.6;

    /// <summary>A startup script (e.g. to pull and run the service); none by default.</summary>
    public string? StartupScript { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
