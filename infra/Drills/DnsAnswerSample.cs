namespace MultiRegion.Infra.Drills;

/// <summary>The answer a poll saw first at <see cref="At"/> (when the response arrived).</summary>
public sealed record DnsAnswerSample(DateTimeOffset At, DnsAnswer Answer);
