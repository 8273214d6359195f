namespace MultiRegion.Infra.Sandbox;

/// <summary>What a <see cref="LoopbackHttpServer"/> handler answers.</summary>
internal sealed record LoopbackHttpResponse(int StatusCode, string Body, string ContentType = "text/plain; charset=utf-8");
