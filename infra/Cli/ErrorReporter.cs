using MultiRegion.Components.Configuration;
using MultiRegion.Components.Planning;
using MultiRegion.Health;
using MultiRegion.Health.Dns;

namespace MultiRegion.Infra.Cli;

/// <summary>Turns an exception into the one clear message a user sees (never a stack trace) and an exit code.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, TextWriter error)
    {
        switch (exception)
        {
            case ConfigurationException config:
                foreach (var e in config.Errors)
                {
                    error.WriteLine($"error: {e}");
                }

                error.WriteLine($"{config.Errors.Count} error(s); nothing was changed.");
                return ExitCodes.Failure;
            case StackCycleException cycle:
                error.WriteLine($"error: {cycle.Message}");
                return ExitCodes.Failure;
            case HealthConfigurationException health:
                error.WriteLine($"error: {health.Message}");
                return ExitCodes.Failure;
            case DnsProviderException or ForeignRecordException:
                error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Failure;
            case CommandFailedException failed:
                error.WriteLine($"error: {failed.Message}");
                return failed.ExitCode;
            case OperationCanceledException:
                error.WriteLine("cancelled.");
                return ExitCodes.Failure;
            case IOException or UnauthorizedAccessException:
                error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Failure;
            default:
                error.WriteLine($"internal error: {exception.GetType().Name}: {exception.Message}");
                if (Environment.GetEnvironmentVariable("MULTIREGION_DEBUG") == "1")
                {
                    error.WriteLine(exception.ToString());
                }
                else
                {
                    error.WriteLine("(set MULTIREGION_DEBUG=1 for the stack trace, and please report it)");
                }

                return ExitCodes.Internal;
        }
    }
}
