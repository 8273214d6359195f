using System.Diagnostics;

namespace MultiRegion.Health.Tests.Support;

/// <summary>Stops a server the tests started and removes its scratch folder; a server that already exited is fine.</summary>
internal static class ServerProcess
{
    /// <summary>
    /// Starts a server on free loopback ports, again on other ports if it exits first: other test processes start
    /// their own servers at the same time, so a port can be taken between choosing and binding it.
    /// </summary>
    public static async Task<T> StartWithRetriesAsync<T>(Func<Task<T>> startOnce)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await startOnce();
            }
            catch (ServerExitedException) when (attempt < 3)
            {
            }
        }
    }

    public static async ValueTask StopAsync(Process process, DirectoryInfo scratch)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // The process was never started or is already gone.
        }

        process.Dispose();
        try
        {
            scratch.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying server; the temp folder is cleaned up by the OS later.
        }
    }
}

/// <summary>A server the tests started exited before it was ready (typically: its port was taken meanwhile).</summary>
internal sealed class ServerExitedException(string message) : Exception(message);
