namespace MultiRegion.Components.Aws.Monitoring;

/// <summary>
/// Inputs of <see cref="GlobalDashboard"/>: its name and the regions (provider region names) to chart, in order.
/// </summary>
public sealed record GlobalDashboardArgs(string DashboardName, IReadOnlyList<string> Regions)
{
    /// <summary>Seconds per data point.</summary>
    public int Period { get; init; } = 60;
}
