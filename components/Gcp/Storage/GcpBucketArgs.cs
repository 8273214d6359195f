namespace MultiRegion.Components.Gcp.Storage;

/// <summary>
/// Inputs of <see cref="GcpBucket"/>. Defaults: regional location, uniform bucket-level access (no object ACLs),
/// public access prevention enforced, object versioning with noncurrent versions kept 30 days, soft delete 7 days,
/// never force-destroyed. CMEK with <see cref="KmsKeyName"/> (a key in the bucket's region).
/// </summary>
public sealed record GcpBucketArgs(string Name, string Location)
{
    public string? KmsKeyName { get; init; }

    public int NoncurrentVersionDays { get; init; } = 30;

    public int SoftDeleteSeconds { get; init; } = 7 * 24 * 3600;

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
