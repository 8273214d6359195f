using System.Globalization;
using System.Text.RegularExpressions;

namespace MultiRegion.Infra.Cli;

/// <summary>Parses durations as people write them on a command line: <c>500ms</c>, <c>1s</c>, <c>1.5s</c>, <c>2m</c>, or a bare number of seconds.</summary>
internal static partial class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value))
        {
            return false;
        }

        var ms = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "ms" => value,
            "" or "s" => value * 1000,
            "m" => value * 60_000,
            "h" => value * 3_600_000,
            _ => double.NaN,
        };
        if (double.IsNaN(ms) || ms > TimeSpan.FromDays(1).TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*(ms|s|m|h)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
