using MultiRegion.Components.Aws.Identity;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Storage;

/// <summary>
/// A private S3 bucket with the settings the AWS Foundational Security Best Practices ask for: versioning (also a
/// prerequisite of cross-region replication), default encryption with the region's KMS key, the four public access
/// blocks, ACLs disabled, and a bucket policy denying any request not made over TLS 1.2 or later.
/// </summary>
public sealed class SecureBucket : Component
{
    public SecureBucket(IConstruct scope, string name, SecureBucketArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.BucketName is null && args.BucketPrefix is null)
        {
            throw new ArgumentException("a bucket needs an explicit lowercase BucketName or a BucketPrefix (logical names are camelCase)", nameof(args));
        }

        Bucket = Resource("bucket", AwsTypes.Bucket, Value.Map(
            ("bucket", Optional.Of(args.BucketName)),
            ("bucketPrefix", args.BucketName is null ? Optional.Of(args.BucketPrefix) : null),
            ("forceDestroy", false)),
            new ResourceOptions { Protect = args.Protect });
        var bucketId = Bucket.Output("id");

        Resource("ownership", AwsTypes.BucketOwnershipControls, Value.Map(
            ("bucket", bucketId),
            ("rule", Value.Map(("objectOwnership", "BucketOwnerEnforced")))));
        PublicAccessBlock = Resource("publicAccessBlock", AwsTypes.BucketPublicAccessBlock, Value.Map(
            ("bucket", bucketId),
            ("blockPublicAcls", true),
            ("blockPublicPolicy", true),
            ("ignorePublicAcls", true),
            ("restrictPublicBuckets", true)));
        Versioning = Resource("versioning", AwsTypes.BucketVersioning, Value.Map(
            ("bucket", bucketId),
            ("versioningConfiguration", Value.Map(("status", "Enabled")))));
        Encryption = Resource("encryption", AwsTypes.BucketServerSideEncryption, Value.Map(
            ("bucket", bucketId),
            ("rules", Value.List(Value.Map(
                ("applyServerSideEncryptionByDefault", Value.Map(("sseAlgorithm", "aws:kms"), ("kmsMasterKeyId", args.KmsKeyArn))),
                ("bucketKeyEnabled", true))))));

        var arn = Bucket.Output("arn");
        var everything = Value.List(arn, InterpolatedValue.Of(arn, "/*"));
        Policy = Resource("tlsOnlyPolicy", AwsTypes.BucketPolicy, Value.Map(
            ("bucket", bucketId),
            ("policy", IamPolicyDocument.Of(
                IamPolicyDocument.DenyAll("DenyInsecureTransport", ["s3:*"], everything,
                    Value.Map(("Bool", Value.Map(("aws:SecureTransport", "false"))))),
                IamPolicyDocument.DenyAll("DenyOutdatedTls", ["s3:*"], everything,
                    Value.Map(("NumericLessThan", Value.Map(("s3:TlsVersion", "1.2")))))))),
            new ResourceOptions { DependsOn = [PublicAccessBlock] });
    }

    public Resource Bucket { get; }

    public Resource Versioning { get; }

    public Resource Encryption { get; }

    public Resource PublicAccessBlock { get; }

    public Resource Policy { get; }

    public Value BucketName => Bucket.Output("bucket");

    public Value Arn => Bucket.Output("arn");
}
