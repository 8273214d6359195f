namespace MultiRegion.Infra.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, diagnostics to <see cref="Error"/>.</summary>
internal sealed record CommandOutput(TextWriter Out, TextWriter Error);
