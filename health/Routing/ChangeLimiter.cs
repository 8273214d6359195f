using System.Globalization;
using MultiRegion.Health.Dns;

namespace MultiRegion.Health.Routing;

/// <summary>Result of the change cap check.</summary>
public sealed record ChangeCheck(bool Allowed, double Fraction, int Changed, int Existing, string Message);

/// <summary>
/// octoDNS-style safety cap: a decision that changes more than <see cref="HealthCheckOptions.MaxChangeFraction"/> of
/// the existing record sets is refused unless forced. The cap applies only when at least
/// <see cref="HealthCheckOptions.ChangeCapMinimumRecords"/> record sets exist (a single failover record must move).
/// </summary>
public sealed class ChangeLimiter(double maxFraction, int minimumRecords)
{
    public ChangeLimiter(HealthCheckOptions options)
        : this(options?.MaxChangeFraction ?? 0.3, options?.ChangeCapMinimumRecords ?? 10)
    {
    }

    public ChangeCheck Check(IReadOnlyList<DnsRecordSet> current, DnsChangeSet changes, bool force)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changes);
        var changed = changes.Changes.Select(c => c.RecordSet.Key).Distinct(StringComparer.Ordinal).Count();
        var existing = current.Count;
        var fraction = existing == 0 ? (changed == 0 ? 0 : 1) : (double)changed / existing;
        if (changed == 0 || existing < minimumRecords || fraction <= maxFraction)
        {
            return new ChangeCheck(true, fraction, changed, existing, "within the change cap");
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{changed} of {existing} record sets ({fraction:P0}) would change, more than the cap {maxFraction:P0}");
        return force
            ? new ChangeCheck(true, fraction, changed, existing, text + "; forced")
            : new ChangeCheck(false, fraction, changed, existing, text + "; refused (use force to apply)");
    }
}
