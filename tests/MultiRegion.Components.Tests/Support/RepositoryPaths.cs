namespace MultiRegion.Components.Tests.Support;

/// <summary>Paths of the repository the tests run in.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MultiRegion.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MultiRegion.sln not found above " + AppContext.BaseDirectory);
    }
}
