using System.Globalization;
using System.Net;
using MultiRegion.Components.Planning;
using MultiRegion.Infra.Drills;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// Prints what a user needs after <c>sandbox up</c>: the plan, per-stack resource counts, the endpoints, the service's
/// DNS answer (a real UDP query) and the <c>dig</c> and <c>curl</c> commands to see it themselves.
/// </summary>
public static class SandboxSummaryPrinter
{
    public static async Task PrintAsync(TextWriter writer, StackPlan plan, SandboxStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(status);
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine();
        writer.WriteLine($"plan: {string.Join(" → ", plan.Waves.Select(w => w.Count == 1 ? w[0] : $"[{string.Join(" ∥ ", w)}]"))}");
        writer.WriteLine("stacks (Pulumi program compiled, resources declared):");
        for (var i = 0; i < plan.Waves.Count; i++)
        {
            foreach (var stack in plan.Waves[i])
            {
                writer.WriteLine(string.Create(inv, $"  wave {i + 1}  {stack,-16} {plan[stack].ResourceCount,4} resources"));
            }
        }

        writer.WriteLine(string.Create(inv, $"  total {plan.Stacks.Sum(s => s.ResourceCount)} resources in {plan.Stacks.Count} stacks"));
        writer.WriteLine("endpoints (stand-in load balancers):");
        foreach (var region in status.Regions.OrderByDescending(r => r.Priority))
        {
            writer.WriteLine(string.Create(inv, $"  {region.Id,-16} priority {region.Priority,3}  {region.Url,-28} {region.Condition.ToString().ToLowerInvariant(),-8} {region.Health.ToLowerInvariant(),-9}{(region.Active ? " ← active" : string.Empty)}"));
        }

        if (status.DnsPort == 0)
        {
            writer.WriteLine($"DNS: not served (the global stack is not deployed); deployed stacks: {(status.DeployedStacks.Count == 0 ? "none" : string.Join(", ", status.DeployedStacks))}");
            return;
        }

        var server = new IPEndPoint(IPAddress.Parse(status.DnsHost), status.DnsPort);
        using var reader = new DnsAnswerReader(server, status.Service);
        var answer = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var targets = status.Regions.Select(r => (r.Id, r.Target)).ToList();
        writer.WriteLine($"DNS: zone {status.Zone} on {server} (UDP+TCP), policy {status.Policy}, {(status.DistinctAddresses ? "one loopback address per region (A records)" : "shared 127.0.0.1 (CNAME to <region>.sandbox.<domain>)")}");
        writer.WriteLine($"answer (UDP query): {status.Service} A → {answer.Describe(targets)}");
        writer.WriteLine(string.Create(inv, $"checker: every {status.IntervalMs:0} ms, offline after {status.FailureThreshold} failures, back after {status.SuccessThreshold} successes, dwell {status.DwellMs:0} ms"));
        writer.WriteLine($"try:  {status.DigCommand}");
        if (status.Regions.FirstOrDefault(r => r.Active) is { } active)
        {
            writer.WriteLine($"      curl {active.Url}");
        }
    }
}
