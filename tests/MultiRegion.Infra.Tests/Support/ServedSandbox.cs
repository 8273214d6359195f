using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Infra.Tests.Support;

/// <summary>
/// <c>multiregion sandbox serve</c> running in-process (through the CLI entry point) for a temp project, with short
/// checker intervals; disposing it runs <c>sandbox down</c> and waits for serve to return.
/// </summary>
internal sealed class ServedSandbox : IAsyncDisposable
{
    private readonly StringWriter log;
    private readonly Task<int> serve;

    private ServedSandbox(TempProject project, Task<int> serve, SandboxState state, StringWriter log)
    {
        this.log = log;
        Project = project;
        this.serve = serve;
        State = state;
    }

    public TempProject Project { get; }

    public SandboxState State { get; }

    public string Log => log.ToString();

    public static async Task<ServedSandbox> StartAsync(TempProject project, params string[] settings)
    {
        var writer = new StringWriter();
        string[] args = ["--project", project.Directory, "sandbox", "serve", .. settings];
        var serve = Task.Run(() => MultiRegionCli.RunAsync(args, TextWriter.Synchronized(writer), TextWriter.Synchronized(writer)));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (SandboxState.TryRead(project.StateFile) is { } state && state.Pid == Environment.ProcessId)
            {
                // serve writes state.json, then prints the summary once every region is healthy
                while (!writer.ToString().Contains("serving;", StringComparison.Ordinal) && DateTime.UtcNow < deadline && !serve.IsCompleted)
                {
                    await Task.Delay(20);
                }

                return new ServedSandbox(project, serve, state, writer);
            }

            if (serve.IsCompleted)
            {
                throw new InvalidOperationException($"sandbox serve ended with {await serve}:\n{writer}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("sandbox serve did not write state.json within 60 s:\n" + writer);
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!serve.IsCompleted)
        {
            await CliRunner.RunAsync("--project", Project.Directory, "sandbox", "down");
        }

        var finished = await Task.WhenAny(serve, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(finished == serve, "sandbox serve did not stop after 'sandbox down'");
        Assert.Equal(ExitCodes.Success, await serve);
    }
}
