namespace MultiRegion.Infra.Sandbox;

/// <summary>One region as the sandbox sees it: where its stand-in listens, what it does, what the checker thinks.</summary>
public sealed record SandboxRegionStatus(
    string Id,
    int Priority,
    string Target,
    string Address,
    int Port,
    string Url,
    string HealthUrl,
    EndpointCondition Condition,
    string Health,
    bool Active);
