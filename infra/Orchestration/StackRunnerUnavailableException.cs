namespace MultiRegion.Infra.Orchestration;

/// <summary>A target cannot run here (CLI missing, not logged in, not in this build); the message says what to do.</summary>
public sealed class StackRunnerUnavailableException : Exception
{
    public StackRunnerUnavailableException(string message)
        : base(message)
    {
    }

    public StackRunnerUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StackRunnerUnavailableException()
    {
    }
}
