namespace MultiRegion.Infra.Sandbox;

/// <summary>What a regional stand-in endpoint is doing right now.</summary>
public enum EndpointCondition
{
    /// <summary>Listening, <c>/healthz</c> answers 200.</summary>
    Serving,

    /// <summary>Listening, <c>/healthz</c> answers 503 (failure injected).</summary>
    Failing,

    /// <summary>Not listening (failure injected, or the stack was destroyed).</summary>
    Stopped,
}
