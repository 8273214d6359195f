using System.Globalization;

namespace MultiRegion.Infra.Orchestration.Display;

/// <summary>Progress as plain lines for logs and pipes: <c>[12:00:01] us-east-1 running</c>.</summary>
public sealed class PlainProgressWriter(TextWriter writer, TimeProvider time) : IOrchestrationObserver
{
    public void OnStackChanged(StackOutcome outcome)
    {
        if (outcome.State == StackState.Queued)
        {
            return;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"[{time.GetLocalNow():HH:mm:ss}] {outcome.Stack} {outcome.State.Name()}");
        if (outcome.Duration is { } duration)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" in {Format.Duration(duration)}");
        }

        if (outcome.Summary is { Length: > 0 } summary)
        {
            line += $": {summary}";
        }

        if (outcome.State is StackState.Failed or StackState.Cancelled && outcome.LogPath is { } log)
        {
            line += $" (log: {log})";
        }

        writer.WriteLine(line);
    }
}
