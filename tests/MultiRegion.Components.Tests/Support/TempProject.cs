namespace MultiRegion.Components.Tests.Support;

/// <summary>A throwaway copy of a Pulumi project (Pulumi.yaml + stacks/) that a test can edit.</summary>
public sealed class TempProject : IDisposable
{
    private TempProject(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>A copy of the repository's example project.</summary>
    public static TempProject CopyOfExample()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mr-project-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "stacks"));
        File.Copy(Path.Combine(RepositoryPaths.Root, "Pulumi.yaml"), Path.Combine(dir, "Pulumi.yaml"));
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "stacks")))
        {
            File.Copy(file, Path.Combine(dir, "stacks", Path.GetFileName(file)));
        }

        return new TempProject(dir);
    }

    public string ProjectFile => Path.Combine(Directory, "Pulumi.yaml");

    public string StackFile(string stack) => Path.Combine(Directory, "stacks", $"Pulumi.{stack}.yaml");

    /// <summary>Replaces text in Pulumi.yaml, failing if the text is not there (so a test never edits nothing).</summary>
    public TempProject EditProject(string find, string replace) => Edit(ProjectFile, find, replace);

    public TempProject EditStack(string stack, string find, string replace) => Edit(StackFile(stack), find, replace);

    public TempProject WriteStack(string stack, string content)
    {
        File.WriteAllText(StackFile(stack), content);
        return this;
    }

    public TempProject DeleteStack(string stack)
    {
        File.Delete(StackFile(stack));
        return this;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private TempProject Edit(string path, string find, string replace)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return this;
    }
}
