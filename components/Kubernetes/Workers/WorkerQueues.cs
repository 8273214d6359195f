namespace MultiRegion.Components.Kubernetes.Workers;

/// <summary>
/// Queue names. A region's queue is <c>region_&lt;region-id&gt;</c> with the region id kept exactly as it is in the
/// topology, hyphens included (<c>region_us-east-1</c>, <c>region_europe-west1</c>): region ids are DNS labels
/// (letters, digits, hyphens), which every broker accepts in queue names, and keeping them verbatim means a queue
/// name maps back to its region without a lookup table. The shared fallback queue is <c>fallback</c>.
/// </summary>
public static class WorkerQueues
{
    public const string RegionPrefix = "region_";

    public const string Fallback = "fallback";

    public static string ForRegion(string regionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(regionId);
        return RegionPrefix + regionId;
    }

    /// <summary>The region a queue belongs to, or null for the fallback queue (or a queue that is not a region's).</summary>
    public static string? RegionOf(string queue) =>
        queue is not null && queue.StartsWith(RegionPrefix, StringComparison.Ordinal) && queue.Length > RegionPrefix.Length
            ? queue[RegionPrefix.Length..]
            : null;
}
