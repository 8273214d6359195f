namespace MultiRegion.Infra.Tests.Support;

/// <summary>The repository's root (the folder with MultiRegion.sln and Pulumi.yaml), found upwards from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MultiRegion.sln")) && File.Exists(System.IO.Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (MultiRegion.sln + Pulumi.yaml) was not found above " + AppContext.BaseDirectory);
    }
}
