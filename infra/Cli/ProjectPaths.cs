namespace MultiRegion.Infra.Cli;

/// <summary>Where the program keeps its local state, under the project's <c>.multiregion/</c> folder (git-ignored).</summary>
internal static class ProjectPaths
{
    public static string StateDirectory(string projectDirectory) => Path.Combine(projectDirectory, ".multiregion");

    /// <summary>The SQLite history of health transitions, DNS changes, failovers and drills.</summary>
    public static string HistoryDatabase(string projectDirectory) => Path.Combine(StateDirectory(projectDirectory), "history.db");
}
