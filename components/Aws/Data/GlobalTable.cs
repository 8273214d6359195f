using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Data;

/// <summary>
/// A DynamoDB global table (version 2019.11.21): one <c>aws:dynamodb/table:Table</c> with a <c>replicas</c> list.
/// Every replica is writable (multi-active, last writer wins), encrypted with its own region's KMS key and has
/// point-in-time recovery. Streams with new and old images are on, as global tables require.
/// </summary>
public sealed class GlobalTable : Component
{
    public GlobalTable(IConstruct scope, string name, GlobalTableArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var attributes = new List<Value> { Value.Map(("name", args.HashKey), ("type", "S")) };
        if (args.RangeKey is not null)
        {
            attributes.Add(Value.Map(("name", args.RangeKey), ("type", "S")));
        }

        Table = Resource("table", AwsTypes.DynamoDbTable, Value.Map(
            ("name", args.TableName),
            ("billingMode", "PAY_PER_REQUEST"),
            ("hashKey", args.HashKey),
            ("rangeKey", Optional.Of(args.RangeKey)),
            ("attributes", Value.List(attributes)),
            ("streamEnabled", true),
            ("streamViewType", "NEW_AND_OLD_IMAGES"),
            ("pointInTimeRecovery", Value.Map(("enabled", true))),
            ("serverSideEncryption", Value.Map(("enabled", true), ("kmsKeyArn", args.KmsKeyArn))),
            ("deletionProtectionEnabled", true),
            ("replicas", Value.List(args.Replicas.Select(r => (Value)Value.Map(
                ("regionName", r.CloudRegion),
                ("kmsKeyArn", r.KmsKeyArn),
                ("pointInTimeRecovery", true),
                ("propagateTags", true)))))),
            new ResourceOptions { Provider = args.Provider, Protect = true });
    }

    public Resource Table { get; }
}
