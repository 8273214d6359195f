namespace MultiRegion.Infra.Sandbox;

/// <summary>One parsed request: method, path (unescaped), query parameters and the body as text.</summary>
internal sealed record LoopbackHttpRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string Body);
