using System.Globalization;

namespace MultiRegion.Infra.Orchestration.Display;

internal static class Format
{
    public static string Duration(TimeSpan duration) => duration.TotalSeconds < 60
        ? duration.TotalSeconds.ToString("0.0s", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m{duration.Seconds:00}s");

    public static string StateMarkup(StackState state) => state switch
    {
        StackState.Queued => "[grey]queued[/]",
        StackState.Running => "[blue]running[/]",
        StackState.Succeeded => "[green]succeeded[/]",
        StackState.Failed => "[red]failed[/]",
        StackState.Skipped => "[yellow]skipped[/]",
        StackState.Cancelled => "[red]cancelled[/]",
        _ => state.Name(),
    };
}
