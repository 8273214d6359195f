using Spectre.Console;

namespace MultiRegion.Infra.Orchestration.Display;

/// <summary>The per-stack table: live while a run goes on, and as the final summary.</summary>
public static class RunTables
{
    public static Table Build(string title, IEnumerable<StackOutcome> outcomes, DateTimeOffset now, string? projectDirectory)
    {
        var rows = outcomes.Select(outcome =>
        {
            var elapsed = outcome.Duration ?? (outcome.StartedAt is { } start ? now - start : null);

            // The run's log folder is printed once up front; a row names its log only when it is worth opening.
            var log = outcome.State is StackState.Failed or StackState.Cancelled ? outcome.LogPath : null;
            log = log is not null && projectDirectory is not null ? Path.GetRelativePath(projectDirectory, log) : log;
            return (outcome, elapsed, log);
        }).ToArray();
        var withLogs = rows.Any(r => r.log is not null);
        var table = new Table().Title(Markup.Escape(title)).AddColumn("stack").AddColumn("state").AddColumn(new TableColumn("elapsed").RightAligned()).AddColumn("summary");
        if (withLogs)
        {
            table.AddColumn("log");
        }

        foreach (var (outcome, elapsed, log) in rows)
        {
            string[] cells =
            [
                Markup.Escape(outcome.Stack),
                Format.StateMarkup(outcome.State),
                elapsed is { } e ? Format.Duration(e) : string.Empty,
                Markup.Escape(outcome.Summary ?? string.Empty),
            ];
            table.AddRow(withLogs ? [.. cells, Markup.Escape(log ?? string.Empty)] : cells);
        }

        return table;
    }

    /// <summary>The final summary table, then one line of totals.</summary>
    public static void WriteSummary(IAnsiConsole console, OrchestrationResult result, string target, string? projectDirectory)
    {
        var operation = result.Operation.ToString().ToLowerInvariant();
        console.Write(Build($"{operation} (target {target})", result.Stacks, result.EndedAt, projectDirectory));
        var counts = result.Stacks.GroupBy(s => s.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Name()}");
        var verdict = result.Stacks.Count == 0 ? "nothing to do" : string.Join(", ", counts);
        console.WriteLine($"{operation}: {verdict} in {Format.Duration(result.Duration)}");
    }

    /// <summary>A console on a writer: ANSI and colours only when it is the terminal; wide enough for log paths when redirected.</summary>
    public static IAnsiConsole ConsoleFor(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    private const int RedirectedWidth = 200;
}
