using System.CommandLine;
using MultiRegion.Components.Configuration;
using MultiRegion.Components.Stacks;
using MultiRegion.Infra.Example;

namespace MultiRegion.Infra.Cli;

/// <summary>Options every command takes.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Project { get; } = new("--project")
    {
        Description = "Folder holding Pulumi.yaml (default: the nearest one upwards from the current folder)",
        Recursive = true,
    };

    public ProjectModel LoadProject(ParseResult result) =>
        ProjectLoader.LoadDirectory(ProjectLocator.Locate(result.GetValue(Project)));

    public DeploymentSynthesizer Synthesizer(ParseResult result) => Platforms.SynthesizerFor(LoadProject(result));
}
