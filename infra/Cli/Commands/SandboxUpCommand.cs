using System.CommandLine;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary>
/// The top-level <c>multiregion up</c> with the sandbox as its default (and, in this build, only) target: the same as
/// <c>sandbox up</c>. When the orchestrator's <c>up --target pulumi|sandbox</c> is registered, it replaces this and
/// drives <see cref="Sandbox.SandboxStackRunner"/> for <c>--target sandbox</c>.
/// </summary>
internal static class SandboxUpCommand
{
    public static Command Create(GlobalOptions global, CommandOutput output)
    {
        var target = new Option<string>("--target") { Description = "Deployment target (sandbox)", DefaultValueFactory = _ => "sandbox" };
        return SandboxCommand.CreateUp("up", "Deploy every stack in plan order to the target (default: the local sandbox, in the background) and run the post-deploy check.", global, output, target);
    }
}
