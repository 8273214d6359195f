using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Data;

/// <summary>A replica region of <see cref="GlobalTable"/> and the KMS key the replica is encrypted with.</summary>
public sealed record GlobalTableReplica(string CloudRegion, Value KmsKeyArn);

/// <summary>
/// Inputs of <see cref="GlobalTable"/>: the table (homed in its provider's region, encrypted with
/// <see cref="KmsKeyArn"/>) and its replicas — already filtered by <c>ResidencyRules.MultiWriterMembers</c>, since
/// every replica accepts writes. Defaults: on-demand billing, string keys <c>pk</c>/<c>sk</c>, streams with new and
/// old images (required by global tables), point-in-time recovery everywhere, deletion protection, protected.
/// </summary>
public sealed record GlobalTableArgs(string TableName, Value KmsKeyArn, IReadOnlyList<GlobalTableReplica> Replicas)
{
    public Resource? Provider { get; init; }

    public string HashKey { get; init; } = "pk";

    public string? RangeKey { get; init; } = "sk";
}
