using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Monitoring;

/// <summary>
/// One CloudWatch dashboard for the whole deployment: a row per region with load balancer requests, target latency
/// (p99), 5xx, Aurora global replication lag and DynamoDB replication latency. The global stack is applied before
/// any region exists, so widgets use CloudWatch metric <c>SEARCH</c> expressions (by metric name, in the widget's
/// region) instead of resource ids — the dashboard never needs a reference to a regional stack, and picks up
/// replaced load balancers or clusters by itself. The body is built as a structure and rendered with
/// <c>fn::toJSON</c>.
/// </summary>
public sealed class GlobalDashboard : Component
{
    private const int Width = 24 / 4;
    private const int Height = 6;

    public GlobalDashboard(IConstruct scope, string name, GlobalDashboardArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var widgets = new List<Value>();
        for (var row = 0; row < args.Regions.Count; row++)
        {
            var region = args.Regions[row];
            var y = row * Height;
            widgets.Add(Widget(region, 0 * Width, y, $"{region} requests", "{AWS/ApplicationELB,LoadBalancer} MetricName=\"RequestCount\"", "Sum", args.Period));
            widgets.Add(Widget(region, 1 * Width, y, $"{region} target latency p99 (s)", "{AWS/ApplicationELB,LoadBalancer} MetricName=\"TargetResponseTime\"", "p99", args.Period));
            widgets.Add(Widget(region, 2 * Width, y, $"{region} 5xx", "{AWS/ApplicationELB,LoadBalancer} MetricName=\"HTTPCode_Target_5XX_Count\" OR MetricName=\"HTTPCode_ELB_5XX_Count\"", "Sum", args.Period));
            widgets.Add(Widget(region, 3 * Width, y, $"{region} replication lag (Aurora ms, DynamoDB ms)",
                "{AWS/RDS,DBClusterIdentifier} MetricName=\"AuroraGlobalDBReplicationLag\"", "Average", args.Period,
                "{AWS/DynamoDB,ReceivingRegion,TableName} MetricName=\"ReplicationLatency\""));
        }

        Dashboard = Resource("dashboard", AwsTypes.Dashboard, Value.Map(
            ("dashboardName", args.DashboardName),
            ("dashboardBody", Value.Json(Value.Map(("widgets", Value.List(widgets)))))));
    }

    public Resource Dashboard { get; }

    private static Value Widget(string region, int x, int y, string title, string search, string statistic, int period, string? secondSearch = null)
    {
        var metrics = new[] { search, secondSearch }.OfType<string>().Select((s, i) => Value.List(Value.Map(
            ("expression", $"SEARCH('{s}', '{statistic}', {period})"),
            ("id", $"e{i + 1}"),
            ("label", ""))));
        return Value.Map(
            ("type", "metric"),
            ("x", x),
            ("y", y),
            ("width", Width),
            ("height", Height),
            ("properties", Value.Map(
                ("title", title),
                ("region", region),
                ("view", "timeSeries"),
                ("stacked", false),
                ("period", period),
                ("metrics", Value.List(metrics)))));
    }
}
