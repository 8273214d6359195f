namespace MultiRegion.Infra.Drills;

/// <summary>
/// What a DNS server answered for a name: the A/AAAA addresses and CNAME targets (normalized, sorted), or the error
/// (timeout, SERVFAIL, NXDOMAIN…). Two answers are equal when their values (or errors) are.
/// </summary>
public sealed record DnsAnswer(IReadOnlyList<string> Values, string? Error)
{
    public bool IsError => Error is not null;

    public static DnsAnswer Failed(string error) => new([], error);

    public bool SameAs(DnsAnswer? other) =>
        other is not null && string.Equals(Error, other.Error, StringComparison.Ordinal) && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    /// <summary>The regions whose target appears in the answer, in the order given.</summary>
    public IReadOnlyList<string> Regions(IReadOnlyList<(string Region, string Target)> targets) =>
        [.. targets.Where(t => Values.Contains(Normalize(t.Target), StringComparer.Ordinal)).Select(t => t.Region)];

    /// <summary>"us-west-2 (127.0.0.3)", or the raw values when no region matches.</summary>
    public string Describe(IReadOnlyList<(string Region, string Target)> targets)
    {
        if (IsError)
        {
            return $"no answer ({Error})";
        }

        var regions = Regions(targets);
        var values = Values.Count == 0 ? "empty" : string.Join(", ", Values);
        return regions.Count == 0 ? values : $"{string.Join(", ", regions)} ({values})";
    }

    public override string ToString() => IsError ? $"error: {Error}" : string.Join(",", Values);

    /// <summary>Addresses as printed by <see cref="System.Net.IPAddress"/>; host names lower case with a trailing dot.</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (System.Net.IPAddress.TryParse(value, out var address))
        {
            return address.ToString();
        }

        var lower = value.Trim().ToLowerInvariant();
        return lower.EndsWith('.') ? lower : lower + ".";
    }
}
