namespace MultiRegion.Infra.Cli;

/// <summary>A command could not do what was asked; the message is shown as is.</summary>
internal sealed class CommandFailedException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
