using System.CommandLine;
using System.Text.Json;
using MultiRegion.Components.Planning;
using MultiRegion.Components.Stacks;
using Spectre.Console;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary><c>multiregion plan</c>: the stacks, their order and waves, and how many resources each declares.</summary>
internal static class PlanCommand
{
    public static Command Create(GlobalOptions global, CommandOutput output)
    {
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON" };
        var command = new Command("plan", "Show the stacks in dependency order: which run in parallel (waves), what each references, resource counts.") { json };
        command.SetAction(result =>
        {
            var synthesizer = global.Synthesizer(result);
            var stacks = synthesizer.BuildAll();
            var plan = DeploymentSynthesizer.Plan(stacks);
            var policy = Components.Policy.PolicyGate.Evaluate(synthesizer.Project, stacks);
            if (result.GetValue(json))
            {
                output.Out.WriteLine(ToJson(plan, policy));
            }
            else
            {
                Render(plan, output.Out);
                foreach (var line in policy.Lines)
                {
                    output.Out.WriteLine(line);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static string ToJson(StackPlan plan) => JsonSerializer.Serialize(
        new
        {
            order = plan.Order,
            waves = plan.Waves,
            destroyWaves = plan.DestroyWaves,
            stacks = plan.Stacks.Select(s => new { name = s.Name, dependsOn = s.DependsOn, resources = s.ResourceCount }),
        },
        Indented);

    /// <summary>The plan and the policy gate's outcome (findings, applied waivers with their justifications).</summary>
    public static string ToJson(StackPlan plan, Components.Policy.PolicyReport policy) => JsonSerializer.Serialize(
        new
        {
            order = plan.Order,
            waves = plan.Waves,
            destroyWaves = plan.DestroyWaves,
            stacks = plan.Stacks.Select(s => new { name = s.Name, dependsOn = s.DependsOn, resources = s.ResourceCount }),
            policy = new
            {
                findings = policy.Findings.Select(f => new { rule = f.RuleId, severity = f.Severity.ToString().ToLowerInvariant(), stack = f.Stack, resource = f.Resource, property = f.Property, message = f.Message }),
                waivers = policy.AppliedWaivers.Select(w => new { rule = w.Finding.RuleId, stack = w.Finding.Stack, resource = w.Finding.Resource, justification = w.Waiver.Justification }),
                rejectedWaivers = policy.RejectedWaivers.Select(w => new { rule = w.RuleId, resource = w.Resource }),
            },
        },
        Indented);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static void Render(StackPlan plan, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var table = new Table().Title("deployment plan").AddColumn("wave").AddColumn("stack").AddColumn("depends on").AddColumn(new TableColumn("resources").RightAligned());
        for (var i = 0; i < plan.Waves.Count; i++)
        {
            foreach (var name in plan.Waves[i])
            {
                var stack = plan[name];
                table.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(name), Markup.Escape(string.Join(", ", stack.DependsOn)), stack.ResourceCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        console.Write(table);
        writer.WriteLine($"apply:   {string.Join(" → ", plan.Waves.Select(Wave))}");
        writer.WriteLine($"destroy: {string.Join(" → ", plan.DestroyWaves.Select(Wave))}");
    }

    private static string Wave(IReadOnlyList<string> wave) => wave.Count == 1 ? wave[0] : $"[{string.Join(" ∥ ", wave)}]";
}
