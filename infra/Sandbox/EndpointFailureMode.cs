namespace MultiRegion.Infra.Sandbox;

/// <summary>How a drill breaks a region's stand-in load balancer.</summary>
public enum EndpointFailureMode
{
    /// <summary>The endpoint keeps accepting connections and answers <c>503 Service Unavailable</c>.</summary>
    Http503,

    /// <summary>The endpoint stops listening: connections are refused.</summary>
    Stop,
}
