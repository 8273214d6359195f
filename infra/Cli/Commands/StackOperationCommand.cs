using System.CommandLine;
using System.Collections;
using MultiRegion.Components.Configuration;
using MultiRegion.Components.Planning;
using MultiRegion.Infra.Example;
using MultiRegion.Infra.Orchestration;
using MultiRegion.Infra.Orchestration.Display;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary>
/// <c>multiregion up | preview | refresh | destroy</c>: run one operation over the stacks in dependency order
/// (destroy in reverse), independent stacks in parallel, on a target (<c>sandbox</c> by default, or <c>pulumi</c>).
/// </summary>
internal static class StackOperationCommand
{
    public static Command Create(StackOperation operation, GlobalOptions global, CommandOutput output) =>
        Create(operation, global, output, StackRunnerRegistry.Default, TimeProvider.System);

    public static Command Create(StackOperation operation, GlobalOptions global, CommandOutput output, StackRunnerRegistry registry, TimeProvider time)
    {
        var target = new Option<string>("--target") { Description = $"Where to deploy: sandbox (local, no cloud account) or pulumi (the Pulumi CLI). Default: {StackRunnerRegistry.DefaultTarget}", DefaultValueFactory = _ => StackRunnerRegistry.DefaultTarget };
        var parallel = new Option<int>("--parallel") { Description = "At most N stacks run at the same time", DefaultValueFactory = _ => OrchestrationRequest.DefaultParallelism };
        var failFast = new Option<bool>("--fail-fast") { Description = "On the first failure cancel running stacks and skip the rest (default: let independent stacks finish)" };
        var stacks = new Option<string[]>("--stack") { Description = "Only this stack (repeatable; default: every stack)", AllowMultipleArgumentsPerToken = false };
        var dependents = new Option<bool>("--include-dependents") { Description = "Also the stacks that depend on the --stack stacks (transitively)" };
        var dependencies = new Option<bool>("--include-dependencies") { Description = "Also the stacks the --stack stacks depend on (transitively)" };
        var resume = new Option<bool>("--resume") { Description = "Only the stacks that did not succeed in the last recorded run of this operation and target, plus their dependents" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document with every stack's outcome (progress goes to stderr)" };
        var pulumi = new Option<string?>("--pulumi") { Description = "Path of the Pulumi CLI (default: $MULTIREGION_PULUMI, else pulumi on PATH)" };
        var name = operation.ToString().ToLowerInvariant();
        var command = new Command(name, Describe(operation)) { target, parallel, failFast, stacks, dependents, dependencies, resume, json, pulumi };
        command.SetAction(async (result, cancellationToken) =>
        {
            var projectDirectory = ProjectLocator.Locate(result.GetValue(global.Project));
            var project = ProjectLoader.LoadDirectory(projectDirectory);
            var plan = Platforms.SynthesizerFor(project).Plan();
            var targetName = result.GetValue(target)!;
            var parallelism = result.GetValue(parallel);
            if (parallelism < 1)
            {
                throw new CommandFailedException($"--parallel: must be at least 1, got {parallelism}", ExitCodes.Usage);
            }

            IReadOnlySet<string> selected;
            try
            {
                selected = StackSelection.Resolve(plan, result.GetValue(stacks) ?? [], result.GetValue(dependents), result.GetValue(dependencies));
            }
            catch (ArgumentException ex)
            {
                throw new CommandFailedException($"--stack: {ex.Message.Split(" (Parameter", 2)[0]}", ExitCodes.Usage);
            }

            var store = RunStateStore.ForProject(projectDirectory);
            var previous = LoadState(store, result.GetValue(resume), output.Error);
            if (result.GetValue(resume))
            {
                if (previous is null)
                {
                    throw new CommandFailedException($"--resume: no run is recorded in {store.Path}; run without --resume");
                }

                selected = StackSelection.Unfinished(plan, operation, targetName, selected, previous);
            }

            var asJson = result.GetValue(json);
            var progress = asJson ? output.Error : output.Out;
            if (selected.Count == 0)
            {
                progress.WriteLine($"nothing to resume: the last {name} on target '{targetName}' succeeded for every selected stack.");
                if (asJson)
                {
                    var now = time.GetUtcNow();
                    output.Out.WriteLine(RunReport.From("none", targetName, new OrchestrationResult(operation, [], now, now)).ToJson());
                }

                return ExitCodes.Success;
            }

            if (operation == StackOperation.Destroy)
            {
                foreach (var (stack, left) in StackSelection.OrphanedDependents(plan, selected))
                {
                    output.Error.WriteLine($"warning: destroying {stack} while {string.Join(", ", left)} (which reference{(left.Count == 1 ? "s" : string.Empty)} it) stay{(left.Count == 1 ? "s" : string.Empty)}; add --include-dependents to destroy them first.");
                }
            }

            var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
            var context = new StackRunnerContext(projectDirectory, project, result.GetValue(pulumi), environment, time);
            if (!registry.Targets.Contains(targetName, StringComparer.Ordinal))
            {
                throw new CommandFailedException($"--target: target '{targetName}' is not available in this build; available: {string.Join(", ", registry.Targets)}", ExitCodes.Usage);
            }

            IStackRunner runner;
            try
            {
                runner = registry.Create(targetName, context);
                await runner.PreflightAsync(cancellationToken);
            }
            catch (StackRunnerUnavailableException ex)
            {
                throw new CommandFailedException($"--target {targetName}: {ex.Message}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // IStackRunner.PreflightAsync reports what is missing by throwing with a message for the user.
                throw new CommandFailedException($"--target {targetName}: not ready: {ex.Message}");
            }

            using var disposable = runner as IDisposable;
            var runId = RunPaths.NewRunId(time, operation);
            var logDirectory = RunPaths.LogDirectory(projectDirectory, runId);
            var recorder = new RunStateRecorder(store, previous, new RunRecord(runId, name, targetName, time.GetUtcNow(), null, [.. selected.Order(StringComparer.Ordinal)]));
            var request = new OrchestrationRequest(operation, selected, parallelism, result.GetValue(failFast), logDirectory);
            var orchestrator = new Orchestrator(runner, time);
            progress.WriteLine($"{name}: {selected.Count} stack(s) on target '{targetName}', up to {parallelism} at a time; logs in {Path.GetRelativePath(projectDirectory, logDirectory)}");

            OrchestrationResult outcome;
            var interactive = !asJson && ReferenceEquals(output.Out, Console.Out) && !Console.IsOutputRedirected;
            if (interactive)
            {
                var console = RunTables.ConsoleFor(output.Out, interactive: true);
                var live = new LiveProgressTable(console, time, $"{name} (target {targetName})", projectDirectory);
                outcome = await live.ShowWhileAsync(() => orchestrator.RunAsync(plan, request, new CompositeObserver(recorder, live), cancellationToken));
            }
            else
            {
                outcome = await orchestrator.RunAsync(plan, request, new CompositeObserver(recorder, new PlainProgressWriter(progress, time)), cancellationToken);
            }

            recorder.Complete(outcome.EndedAt);
            if (recorder.SaveError is { } saveError)
            {
                output.Error.WriteLine($"warning: {saveError}; --resume will not know about this run.");
            }

            if (asJson)
            {
                output.Out.WriteLine(RunReport.From(runId, targetName, outcome).ToJson());
            }
            else
            {
                RunTables.WriteSummary(RunTables.ConsoleFor(output.Out, interactive), outcome, targetName, projectDirectory);
                if (!outcome.Succeeded)
                {
                    output.Out.WriteLine($"re-run the stacks that did not succeed (and their dependents) with: multiregion {name} --target {targetName} --resume");
                }
            }

            return outcome.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static RunState? LoadState(RunStateStore store, bool required, TextWriter error)
    {
        try
        {
            return store.Load();
        }
        catch (InvalidDataException ex)
        {
            if (required)
            {
                throw new CommandFailedException($"--resume: {ex.Message}");
            }

            error.WriteLine($"warning: {ex.Message}; it will be replaced.");
            return null;
        }
    }

    private static string Describe(StackOperation operation) => operation switch
    {
        StackOperation.Up => "Deploy the stacks in dependency order (global → primary → secondaries in parallel → cross-region).",
        StackOperation.Preview => "Preview what up would change, stack by stack in dependency order.",
        StackOperation.Refresh => "Refresh every stack's state from the cloud, in dependency order.",
        StackOperation.Destroy => "Destroy the stacks in reverse dependency order (a stack only after every stack that references it).",
        _ => operation.ToString(),
    };
}
