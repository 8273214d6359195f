namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// Something the sandbox's checker or operator did, with a sequence number for incremental reads:
/// kind <c>transition</c> (region health From → To), <c>failover</c> (answer moved From → To), <c>dns</c> (a DNS change
/// applied), <c>fail</c>/<c>restore</c> (failure injected or removed).
/// </summary>
public sealed record SandboxEvent(long Sequence, string Kind, string? Region, string? From, string? To, string Detail, DateTimeOffset At);
