namespace MultiRegion.Infra.Tests.Orchestration;

/// <summary>The repository's example project (Pulumi.yaml and stacks/) copied to a temp folder, so runs write their logs and state there.</summary>
internal static class ExampleProject
{
    public static string CopyToTemp()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Pulumi.yaml")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Pulumi.yaml not found above the test binaries");
        }

        var copy = Directory.CreateTempSubdirectory("multiregion-example-").FullName;
        File.Copy(Path.Combine(root, "Pulumi.yaml"), Path.Combine(copy, "Pulumi.yaml"));
        Directory.CreateDirectory(Path.Combine(copy, "stacks"));
        foreach (var file in Directory.GetFiles(Path.Combine(root, "stacks")))
        {
            File.Copy(file, Path.Combine(copy, "stacks", Path.GetFileName(file)));
        }

        return copy;
    }
}
