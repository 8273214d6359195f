using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MultiRegion.Health.History;
using Spectre.Console;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary><c>multiregion history</c>: what the health checker and drills recorded, newest first.</summary>
internal static class HistoryCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create(GlobalOptions global, CommandOutput output)
    {
        var limit = new Option<int>("--limit") { Description = "How many entries of each kind (newest first)", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var kind = new Option<string>("--kind") { Description = "transitions, dns, failovers, drills or all", DefaultValueFactory = _ => "all" };
        kind.AcceptOnlyFromAmong("transitions", "dns", "failovers", "drills", "all");
        var database = new Option<string?>("--history") { Description = "History database (default: .multiregion/history.db in the project)" };
        var sandbox = new Option<bool>("--sandbox") { Description = "Read the local sandbox's history (.multiregion/sandbox/history.db) instead of the deployment's" };
        var command = new Command("history", "Show recorded health transitions, DNS changes, failovers and drills.") { limit, json, kind, database, sandbox };
        command.SetAction(result =>
        {
            var count = result.GetValue(limit);
            if (count is < 1 or > 100_000)
            {
                throw new CommandFailedException($"--limit must be between 1 and 100000 (value: {count})", ExitCodes.Usage);
            }

            var path = result.GetValue(database) ?? (result.GetValue(sandbox)
                ? Sandbox.SandboxPaths.ForProject(ProjectLocator.Locate(result.GetValue(global.Project))).HistoryFile
                : ProjectPaths.HistoryDatabase(ProjectLocator.Locate(result.GetValue(global.Project))));
            if (!File.Exists(path))
            {
                throw new CommandFailedException($"no history at {path}: nothing has been recorded yet (run `multiregion health`, `up` or `drill`)");
            }

            using var history = HealthHistory.Open(path);
            var which = result.GetValue(kind)!;
            var transitions = which is "all" or "transitions" ? history.Transitions(count) : [];
            var dns = which is "all" or "dns" ? history.DnsChanges(count) : [];
            var failovers = which is "all" or "failovers" ? history.Failovers(count) : [];
            var drills = which is "all" or "drills" ? history.Drills(count) : [];
            if (result.GetValue(json))
            {
                output.Out.WriteLine(JsonSerializer.Serialize(new { transitions, dnsChanges = dns, failovers, drills }, Json));
                return ExitCodes.Success;
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
            Render(console, "failovers", ["started", "from", "to", "duration", "ok", "reason"], failovers.Select(f => new[] { Time(f.Started), f.FromRegion ?? "-", f.ToRegion ?? "-", f.Duration is { } d ? $"{d.TotalMilliseconds:F0} ms" : "-", f.Success ? "yes" : "no", f.Reason }));
            Render(console, "health transitions", ["at", "region", "from", "to", "reason"], transitions.Select(t => new[] { Time(t.At), t.RegionId, t.From.ToString(), t.To.ToString(), t.Reason }));
            Render(console, "DNS changes", ["at", "name", "provider", "ok", "change"], dns.Select(c => new[] { Time(c.At), c.Name, c.Provider, c.DryRun ? "dry-run" : c.Success ? "yes" : "no: " + c.Error, c.Summary }));
            Render(console, "drills", ["started", "region", "detected after", "DNS changed after", "ok", "report"], drills.Select(d => new[] { Time(d.Started), d.RegionId, Since(d.Started, d.Detected), Since(d.Started, d.DnsChanged), d.Success ? "yes" : "no", d.ReportPath ?? "-" }));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, string title, string[] columns, IEnumerable<string[]> rows)
    {
        var materialized = rows.ToArray();
        if (materialized.Length == 0)
        {
            return;
        }

        var table = new Table().Title(title);
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        foreach (var row in materialized)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        console.Write(table);
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string Since(DateTimeOffset start, DateTimeOffset? end) =>
        end is { } e ? string.Create(CultureInfo.InvariantCulture, $"{(e - start).TotalMilliseconds:F0} ms") : "-";
}
