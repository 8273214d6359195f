namespace MultiRegion.Components.Topology;

/// <summary>Settings shared by every stack of the deployment.</summary>
public sealed record GlobalSettings(
    string Environment,
    string Domain,
    string ServiceName,
    RoutingPolicyKind RoutingPolicy,
    string CostCenter,
    IReadOnlyDictionary<string, string> DefaultTags,
    IReadOnlyList<ResidencyException> ResidencyExceptions,
    IReadOnlyList<PolicyWaiver> Waivers,
    HealthCheckSettings HealthCheck)
{
    /// <summary>The fully qualified service name that DNS failover answers, e.g. <c>app.example.com</c>.</summary>
    public string ServiceFqdn => $"{ServiceName}.{Domain}";
}
