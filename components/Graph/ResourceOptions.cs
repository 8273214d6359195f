namespace MultiRegion.Components.Graph;

/// <summary>The resource options the Pulumi YAML runtime knows (a subset; only what components use).</summary>
public sealed record ResourceOptions
{
    public static ResourceOptions None { get; } = new();

    /// <summary>The explicit provider resource (one per region and cloud).</summary>
    public Resource? Provider { get; init; }

    public IReadOnlyList<Resource> DependsOn { get; init; } = [];

    /// <summary>Refuse to delete (databases, zones, keys).</summary>
    public bool Protect { get; init; }

    /// <summary>Properties Pulumi must not reconcile (owned by someone else, e.g. the health checker).</summary>
    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];

    public bool RetainOnDelete { get; init; }

    public bool DeleteBeforeReplace { get; init; }

    public CustomTimeouts? CustomTimeouts { get; init; }

    public IReadOnlyList<string> AdditionalSecretOutputs { get; init; } = [];
}
