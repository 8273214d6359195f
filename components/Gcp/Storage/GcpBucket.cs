using MultiRegion.Components.Gcp.Security;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Gcp.Storage;

/// <summary>A regional Cloud Storage bucket that can never be made public, with versioning and optional CMEK.</summary>
public sealed class GcpBucket : Component
{
    public GcpBucket(IConstruct scope, string name, GcpBucketArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var dependsOn = new List<Resource>();
        if (args.KmsKeyName is { } key)
        {
            // The project's Cloud Storage service agent encrypts objects with the key.
            var agent = Stack.AddVariable(LogicalName.Of(Path, "storageAgent"), new InvokeValue(
                GcpTypes.GetStorageServiceAccount, Value.Map(), "emailAddress", Stack.DefaultProvider(GcpTypes.Package)));
            dependsOn.Add(new CmekGrant(this, "cmek", key, agent.Read()).Binding);
        }

        Bucket = Resource("bucket", GcpTypes.Bucket, Value.Map(
            ("name", args.Name),
            ("location", args.Location.ToUpperInvariant()),
            ("storageClass", "STANDARD"),
            ("uniformBucketLevelAccess", true),
            ("publicAccessPrevention", "enforced"),
            ("forceDestroy", false),
            ("versioning", Value.Map(("enabled", true))),
            ("encryption", args.KmsKeyName is null ? null : Value.Map(("defaultKmsKeyName", args.KmsKeyName))),
            ("softDeletePolicy", Value.Map(("retentionDurationSeconds", args.SoftDeleteSeconds))),
            ("lifecycleRules", Value.List(Value.Map(
                ("action", Value.Map(("type", "Delete"))),
                ("condition", Value.Map(("daysSinceNoncurrentTime", args.NoncurrentVersionDays), ("withState", "ARCHIVED")))))),
            ("labels", MapValue.Of(args.Labels))),
            new ResourceOptions { Protect = true, DependsOn = dependsOn });
    }

    public Resource Bucket { get; }

    public Value BucketName => Bucket.Output("name");
}
