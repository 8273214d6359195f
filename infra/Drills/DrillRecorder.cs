using System.Text.Json;
using MultiRegion.Health.History;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Infra.Drills;

/// <summary>Writes a drill to the history's drills table. The entry stores the same instants the report's durations come from.</summary>
public static class DrillRecorder
{
    public static DrillEntry ToEntry(DrillResult result, string? reportPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        var details = JsonSerializer.Serialize(new
        {
            mode = result.Mode == EndpointFailureMode.Stop ? "stop" : "503",
            name = result.Name,
            dnsServer = result.DnsServer,
            intervalMs = result.Interval.TotalMilliseconds,
            failureThreshold = result.FailureThreshold,
            boundMs = result.Bound.TotalMilliseconds,
            detectionMs = result.Detection?.TotalMilliseconds,
            failoverMs = result.Failover?.TotalMilliseconds,
            recoveryMs = result.Recovery?.TotalMilliseconds,
            failbackMs = result.Failback?.TotalMilliseconds,
            withinBound = result.WithinBound,
            answerBefore = result.Baseline.ToString(),
            answerAfter = result.FailoverAnswer?.ToString(),
            movedTo = result.FailoverRegions,
            recovered = result.Recovered,
            dnsPolls = result.DnsPolls,
            problems = result.Problems,
        });
        return new DrillEntry(0, result.Region, result.Started, result.Detected, result.DnsChanged, result.Restored, result.FailbackDns, result.Success, reportPath, details);
    }

    /// <summary>Inserts the drill; returns the entry as stored (with its id).</summary>
    public static DrillEntry Record(HealthHistory history, DrillResult result, string? reportPath)
    {
        ArgumentNullException.ThrowIfNull(history);
        var entry = ToEntry(result, reportPath);
        var id = history.RecordDrill(entry);
        return entry with { Id = id };
    }
}
