using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Security;

/// <summary>
/// Inputs of <see cref="ApplicationSecurityGroups"/>. Defaults: HTTPS (443) from the internet to the load balancer,
/// HTTP (80) only so the listener can redirect, the application on 8080, PostgreSQL on 5432, Redis on 6379.
/// </summary>
public sealed record ApplicationSecurityGroupsArgs(Value VpcId)
{
    public int ApplicationPort { get; init; } = 8080;

    public int DatabasePort { get; init; } = 5432;

    public int CachePort { get; init; } = 6379;

    /// <summary>Where clients come from (IPv4). Narrow it for an internal service.</summary>
    public string ClientCidr { get; init; } = "0.0.0.0/0";

    /// <summary>Whether to open port 80 for the HTTP→HTTPS redirect.</summary>
    public bool AllowHttpRedirect { get; init; } = true;
}
