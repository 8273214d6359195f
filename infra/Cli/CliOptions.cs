using System.CommandLine;

namespace MultiRegion.Infra.Cli;

/// <summary>Builders for options several commands share (durations with units).</summary>
internal static class CliOptions
{
    public static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = description + " (e.g. 500ms, 1s, 2m)",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (DurationParser.TryParse(text, out var duration))
            {
                return duration;
            }

            result.AddError($"{name}: '{text}' is not a duration (e.g. 500ms, 1s, 2m)");
            return null;
        },
    };
}
