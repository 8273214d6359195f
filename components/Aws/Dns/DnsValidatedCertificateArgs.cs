using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Dns;

/// <summary>
/// Inputs of <see cref="DnsValidatedCertificate"/>: the name, extra names (SANs), and the hosted zone the validation
/// records go to. <see cref="ValidationRecordCount"/> is how many <em>distinct</em> validation records ACM will ask
/// for: Pulumi YAML has no loops, so one record is declared per index of <c>domainValidationOptions</c>. A name and
/// its wildcard (<c>example.com</c> + <c>*.example.com</c>) share one record, so such a certificate needs 1; a name
/// and an unrelated SAN need 2. The default is one per distinct non-wildcard name.
/// </summary>
public sealed record DnsValidatedCertificateArgs(string DomainName, Value ZoneId)
{
    public IReadOnlyList<string> SubjectAlternativeNames { get; init; } = [];

    /// <summary>ECDSA P-256 by default (smaller handshakes); RSA_2048 for old clients.</summary>
    public string KeyAlgorithm { get; init; } = "EC_prime256v1";

    public int ValidationRecordTtl { get; init; } = 60;

    /// <summary>Keep validation records when the stack is destroyed (they may be shared with other certificates of the account).</summary>
    public bool RetainValidationRecords { get; init; } = true;

    public int ValidationRecordCount => new[] { DomainName }.Concat(SubjectAlternativeNames)
        .Select(n => n.StartsWith("*.", StringComparison.Ordinal) ? n[2..] : n)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Count();
}
