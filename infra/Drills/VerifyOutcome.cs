namespace MultiRegion.Infra.Drills;

/// <summary>What <see cref="FailoverVerifier"/> found: did the DNS answer name the regions the policy wants right now?</summary>
public sealed record VerifyOutcome(bool Passed, string Message, DnsAnswer Answer, IReadOnlyList<string> ExpectedRegions, IReadOnlyList<string> AnsweredRegions);
