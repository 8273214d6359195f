using System.CommandLine;
using System.Globalization;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary><c>multiregion validate</c>: load and validate the project and build every stack, deploying nothing.</summary>
internal static class ValidateCommand
{
    public static Command Create(GlobalOptions global, CommandOutput output)
    {
        var command = new Command("validate", "Check the topology, every stack file and every stack's resource graph; deploys nothing.");
        command.SetAction(result =>
        {
            var synthesizer = global.Synthesizer(result);
            var stacks = synthesizer.BuildAll();
            var plan = Components.Stacks.DeploymentSynthesizer.Plan(stacks);
            var policy = PolicyCheck.Enforce(synthesizer.Project, stacks, output.Error);
            var topology = synthesizer.Project.Topology;
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"valid: {topology.Regions.Count} regions (primary {topology.Primary.Id}), {plan.Stacks.Count} stacks, {plan.Stacks.Sum(s => s.ResourceCount)} resources, policy gate passed ({policy.Warnings.Count()} warning(s), {policy.AppliedWaivers.Count} waiver(s))"));
            return ExitCodes.Success;
        });
        return command;
    }
}
