using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace MultiRegion.Infra.Orchestration.Pulumi;

/// <summary>
/// Runs one CLI process with an argument list (no shell), streaming every stdout and stderr line to a callback as
/// it arrives. On cancellation it sends SIGINT (what Ctrl+C would do, so pulumi can stop cleanly and release its
/// stack lock), then kills the process tree after a grace period.
/// </summary>
internal static class CliProcess
{
    public static async Task<int> RunAsync(
        string executable,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        Action<string, bool> onLine,
        TimeSpan gracePeriod,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var stdoutDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Forward(e.Data, isError: false, stdoutDone);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, isError: true, stderrDone);
        process.Exited += (_, _) => exited.TrySetResult();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new StackRunnerUnavailableException($"cannot run '{executable}': {ex.Message}", ex);
        }

        process.StandardInput.Close(); // --non-interactive: nothing will ever be typed.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await exited.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process, exited.Task, gracePeriod);
            throw;
        }

        // The output is complete when both pipes close; a grandchild that outlives the CLI and holds them open must
        // not hang the run, so wait for the last lines only briefly.
        await Task.WhenAny(Task.WhenAll(stdoutDone.Task, stderrDone.Task), Task.Delay(OutputDrainTimeout, CancellationToken.None));
        return process.ExitCode;

        void Forward(string? line, bool isError, TaskCompletionSource done)
        {
            if (line is null)
            {
                done.TrySetResult();
            }
            else
            {
                onLine(line, isError);
            }
        }
    }

    private static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(5);

    private static async Task StopAsync(Process process, Task exited, TimeSpan gracePeriod)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                using var interrupt = Process.Start(new ProcessStartInfo("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false, RedirectStandardError = true });
                if (interrupt is not null)
                {
                    await interrupt.WaitForExitAsync();
                }
            }
            catch (Win32Exception)
            {
                // No `kill` to send SIGINT with: the kill below still stops it.
            }

            if (await Task.WhenAny(exited, Task.Delay(gracePeriod)) == exited)
            {
                return;
            }
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // Already exited.
        }

        await Task.WhenAny(exited, Task.Delay(OutputDrainTimeout));
    }
}
