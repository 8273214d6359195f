using System.Globalization;

namespace MultiRegion.Infra.Orchestration.Pulumi;

/// <summary>
/// Target <c>pulumi</c>: each stack is selected (or created), then <c>pulumi up|preview|refresh|destroy --stack S</c>
/// runs non-interactively in the project folder, its output streamed line by line into the stack's log.
/// </summary>
public sealed class PulumiStackRunner(PulumiRunnerOptions options) : IStackRunner, IDisposable
{
    public const string TargetName = "pulumi";

    // `pulumi stack select` rewrites the project's workspace file (the "current stack"); stacks starting in parallel
    // must not race on it. The operations themselves name --stack explicitly and run in parallel.
    private readonly SemaphoreSlim _selectLock = new(1, 1);

    public string Target => TargetName;

    public PulumiRunnerOptions Options { get; } = options;

    public async Task PreflightAsync(CancellationToken cancellationToken)
    {
        var output = new List<string>();
        int exitCode;
        try
        {
            exitCode = await RunCliAsync(["whoami", "--non-interactive"], (line, _) => output.Add(line), cancellationToken);
        }
        catch (StackRunnerUnavailableException ex)
        {
            throw new StackRunnerUnavailableException($"{ex.Message}; install the Pulumi CLI ({PulumiExecutable.InstallUrl}) or fix --pulumi / {PulumiExecutable.EnvironmentVariable}.", ex);
        }

        if (exitCode != 0)
        {
            var reason = LastError(output) is { } e ? $" ({e})" : string.Empty;
            throw new StackRunnerUnavailableException(
                $"the Pulumi CLI is not logged in: `pulumi whoami` failed{reason}; run `pulumi login` " +
                "(or `pulumi login --local` for state on this machine, or set PULUMI_ACCESS_TOKEN).");
        }
    }

    public async Task<StackRunResult> RunAsync(StackOperation operation, string stack, TextWriter log, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        void Capture(string line, bool isError)
        {
            log.WriteLine(line);
            lock (lines)
            {
                lines.Add(line);
            }
        }

        await _selectLock.WaitAsync(cancellationToken);
        try
        {
            log.WriteLine($"$ pulumi stack select --create --stack {stack} --non-interactive");
            if (await RunCliAsync(["stack", "select", "--create", "--stack", stack, "--non-interactive"], Capture, cancellationToken) != 0)
            {
                log.WriteLine($"$ pulumi stack init --stack {stack} --non-interactive");
                lock (lines)
                {
                    lines.Clear();
                }

                var init = await RunCliAsync(["stack", "init", "--stack", stack, "--non-interactive"], Capture, cancellationToken);
                if (init != 0)
                {
                    lock (lines)
                    {
                        return new StackRunResult(false, $"cannot select or create stack '{stack}': {LastError(lines) ?? $"exit code {init}"}");
                    }
                }
            }
        }
        finally
        {
            _selectLock.Release();
        }

        var arguments = ArgumentsFor(operation, stack);
        log.WriteLine($"$ pulumi {string.Join(' ', arguments)}");
        lock (lines)
        {
            lines.Clear();
        }

        var exitCode = await RunCliAsync(arguments, Capture, cancellationToken);
        lock (lines)
        {
            return exitCode == 0
                ? new StackRunResult(true, ResourceSummary(lines) ?? "done")
                : new StackRunResult(false, string.Create(CultureInfo.InvariantCulture, $"exit code {exitCode}: {LastError(lines) ?? "no output"}"));
        }
    }

    public void Dispose() => _selectLock.Dispose();

    /// <summary>The CLI arguments of one operation (after the stack is selected).</summary>
    public static IReadOnlyList<string> ArgumentsFor(StackOperation operation, string stack) => operation switch
    {
        StackOperation.Up => ["up", "--stack", stack, "--yes", "--non-interactive", "--skip-preview"],
        StackOperation.Preview => ["preview", "--stack", stack, "--non-interactive"],
        StackOperation.Refresh => ["refresh", "--stack", stack, "--yes", "--non-interactive", "--skip-preview"],
        StackOperation.Destroy => ["destroy", "--stack", stack, "--yes", "--non-interactive", "--skip-preview"],
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    /// <summary>Pulumi's closing "Resources:" block on one line (<c>+ 3 to create, 2 unchanged</c>), if printed.</summary>
    public static string? ResourceSummary(IReadOnlyList<string> lines)
    {
        var start = -1;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (lines[i].Trim() == "Resources:")
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            return null;
        }

        var items = lines.Skip(start + 1).TakeWhile(l => l.Trim().Length > 0).Select(l => l.Trim()).ToArray();
        return items.Length == 0 ? null : string.Join(", ", items);
    }

    /// <summary>The last line starting with <c>error:</c>, else the last non-empty line.</summary>
    public static string? LastError(IReadOnlyList<string> lines) =>
        lines.LastOrDefault(l => l.TrimStart().StartsWith("error:", StringComparison.OrdinalIgnoreCase))?.Trim()
        ?? lines.LastOrDefault(l => l.Trim().Length > 0)?.Trim();

    private Task<int> RunCliAsync(IEnumerable<string> arguments, Action<string, bool> onLine, CancellationToken cancellationToken) =>
        CliProcess.RunAsync(Options.Executable, arguments, Options.ProjectDirectory, Environment(), onLine, Options.GracePeriod, cancellationToken);

    private Dictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // No "a new version is available" check in the middle of a deployment's output.
            ["PULUMI_SKIP_UPDATE_CHECK"] = System.Environment.GetEnvironmentVariable("PULUMI_SKIP_UPDATE_CHECK") ?? "true",
        };
        foreach (var (key, value) in Options.Environment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }
}
