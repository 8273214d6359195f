namespace MultiRegion.Infra.Sandbox;

/// <summary>Where a project's sandbox keeps its files: <c>&lt;project&gt;/.multiregion/sandbox/</c>.</summary>
public sealed record SandboxPaths(string Directory)
{
    public static SandboxPaths ForProject(string projectDirectory) =>
        new(Path.Combine(Path.GetFullPath(projectDirectory), ".multiregion", "sandbox"));

    /// <summary>The running sandbox's state: ports, pid, control URL, endpoints.</summary>
    public string StateFile => Path.Combine(Directory, "state.json");

    /// <summary>The SQLite history of transitions, DNS changes, failovers and drills.</summary>
    public string HistoryFile => Path.Combine(Directory, "history.db");

    /// <summary>Output of a sandbox started in the background by <c>sandbox up</c>.</summary>
    public string LogFile => Path.Combine(Directory, "serve.log");

    /// <summary>Default folder of drill reports.</summary>
    public string ReportsDirectory => Path.Combine(Directory, "reports");
}
