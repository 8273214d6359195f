namespace MultiRegion.Infra.Orchestration.Pulumi;

/// <summary>How <see cref="PulumiStackRunner"/> runs the CLI.</summary>
/// <param name="Executable">Full path of the Pulumi CLI (see <see cref="PulumiExecutable.Resolve"/>).</param>
/// <param name="ProjectDirectory">The folder holding Pulumi.yaml: every command runs there.</param>
/// <param name="Environment">Extra environment variables for the CLI (on top of this process's, PULUMI_* included).</param>
/// <param name="CancelGracePeriod">After Ctrl+C / --fail-fast, how long pulumi gets after SIGINT to stop cleanly (and release its stack lock) before it is killed.</param>
public sealed record PulumiRunnerOptions(
    string Executable,
    string ProjectDirectory,
    IReadOnlyDictionary<string, string>? Environment = null,
    TimeSpan? CancelGracePeriod = null)
{
    public TimeSpan GracePeriod => CancelGracePeriod ?? TimeSpan.FromSeconds(30);
}
