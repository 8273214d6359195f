using System.Diagnostics;
using System.Globalization;
using MultiRegion.Infra.Cli;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// Starts <c>multiregion sandbox serve</c> as a background process (output to .multiregion/sandbox/serve.log) and
/// waits until it has recorded itself in state.json: what <c>sandbox up</c> does, so the sandbox outlives the command.
/// </summary>
public static class SandboxLauncher
{
    public static async Task<SandboxState> StartInBackgroundAsync(string projectDirectory, IReadOnlyList<string> serveArguments, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serveArguments);
        var directory = Path.GetFullPath(projectDirectory);
        var paths = SandboxPaths.ForProject(directory);
        if (SandboxState.TryRead(paths.StateFile) is { } existing)
        {
            if (existing.ProcessIsAlive())
            {
                throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture, $"a sandbox is already running for this project (pid {existing.Pid}, control {existing.ControlUrl}); 'multiregion sandbox status' shows it, 'multiregion sandbox down' stops it"));
            }

            File.Delete(paths.StateFile);
        }

        Directory.CreateDirectory(paths.Directory);
        var (fileName, prefix) = SelfCommand();
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var argument in prefix.Concat(["--project", directory, "sandbox", "serve", "--log-file", paths.LogFile]).Concat(serveArguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new CommandFailedException($"could not start {fileName}");
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (SandboxState.TryRead(paths.StateFile) is { } state && state.Pid == process.Id)
            {
                return state;
            }

            if (process.HasExited)
            {
                var stderr = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                var logTail = File.Exists(paths.LogFile) ? string.Join('\n', File.ReadAllLines(paths.LogFile).TakeLast(8)) : string.Empty;
                throw new CommandFailedException($"the sandbox process exited with code {process.ExitCode} before it was ready:\n{(logTail + "\n" + stderr).Trim()}");
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new CommandFailedException($"the sandbox did not become ready within {timeout.TotalSeconds:0} s; see {paths.LogFile}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How to run this program again: the dotnet host and this assembly.</summary>
    public static (string FileName, IReadOnlyList<string> Prefix) SelfCommand()
    {
        var assembly = typeof(SandboxLauncher).Assembly.Location;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(host) || !File.Exists(host))
        {
            var processPath = Environment.ProcessPath;
            host = processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? processPath : "dotnet";
        }

        return (host, [assembly]);
    }
}
