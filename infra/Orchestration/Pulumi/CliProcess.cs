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

        using var process = new Process { StartInfo = start };
        var stdoutDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Forward(e.Data, isError: false, stdoutDone);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, isError: true, stderrDone);
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
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process, gracePeriod);
            throw;
        }

        await Task.WhenAll(stdoutDone.Task, stderrDone.Task);
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

    private static async Task StopAsync(Process process, TimeSpan gracePeriod)
    {
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                using var interrupt = Process.Start(new ProcessStartInfo("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false, RedirectStandardError = true });
                if (interrupt is not null)
                {
                    await interrupt.WaitForExitAsync();
                }

                using var grace = new CancellationTokenSource(gracePeriod);
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                    return;
                }
                catch (OperationCanceledException)
                {
                    // Did not stop in time: kill below.
                }
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // Already exited.
        }
    }
}
