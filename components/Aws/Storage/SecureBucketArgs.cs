using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Storage;

/// <summary>
/// Inputs of <see cref="SecureBucket"/>. Exactly one of <see cref="BucketName"/> (an explicit, globally unique,
/// lowercase name) or <see cref="BucketPrefix"/> (S3 appends a unique suffix; at most 37 characters) is used; the
/// prefix wins when both are set to nothing. Defaults: versioning on, SSE-KMS with an S3 bucket key, every public
/// access block on, ACLs disabled (bucket owner enforced), TLS 1.2+ only, never force-destroyed, protected.
/// </summary>
public sealed record SecureBucketArgs(Value KmsKeyArn)
{
    public string? BucketName { get; init; }

    public string? BucketPrefix { get; init; }

    public bool Protect { get; init; } = true;
}
