namespace MultiRegion.Infra.Cli;

/// <summary>Process exit codes of the CLI.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input was rejected or an operation failed; the message says which and why.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;

    /// <summary>A bug: an exception nobody anticipated.</summary>
    public const int Internal = 70;
}
