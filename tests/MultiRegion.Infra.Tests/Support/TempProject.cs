namespace MultiRegion.Infra.Tests.Support;

/// <summary>
/// A copy of the example project (Pulumi.yaml + stacks/) in a temporary folder, so each test's sandbox has its own
/// .multiregion/sandbox (state, history, reports) and tests never share or touch the repository's.
/// </summary>
internal sealed class TempProject : IDisposable
{
    public TempProject()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "multiregion-test-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(Directory, "stacks"));
        File.Copy(System.IO.Path.Combine(RepositoryRoot.Path, "Pulumi.yaml"), System.IO.Path.Combine(Directory, "Pulumi.yaml"));
        foreach (var file in System.IO.Directory.GetFiles(System.IO.Path.Combine(RepositoryRoot.Path, "stacks"), "*.yaml"))
        {
            File.Copy(file, System.IO.Path.Combine(Directory, "stacks", System.IO.Path.GetFileName(file)));
        }
    }

    public string Directory { get; }

    public string SandboxDirectory => System.IO.Path.Combine(Directory, ".multiregion", "sandbox");

    public string StateFile => System.IO.Path.Combine(SandboxDirectory, "state.json");

    public string HistoryFile => System.IO.Path.Combine(SandboxDirectory, "history.db");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
