using System.Text;
using System.Text.RegularExpressions;

namespace MultiRegion.Components.Graph;

/// <summary>
/// Logical resource names. Pulumi YAML reads <c>${name.property}</c> with names of <c>[a-zA-Z_][a-zA-Z0-9_]*</c>,
/// so names are camelCase identifiers built from parts such as <c>("network", "us-east-1", "vpc")</c>.
/// </summary>
public static partial class LogicalName
{
    public static bool IsValid(string name) => Identifier().IsMatch(name);

    /// <summary>Joins parts into one camelCase identifier; separators (-, _, ., /, space) start a new word.</summary>
    public static string Of(params string[] parts)
    {
        var builder = new StringBuilder();
        foreach (var word in parts.SelectMany(p => Separators().Split(p)).Where(w => w.Length > 0))
        {
            if (builder.Length == 0)
            {
                builder.Append(char.ToLowerInvariant(word[0])).Append(word.AsSpan(1));
            }
            else
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
            }
        }

        if (builder.Length > 0 && char.IsDigit(builder[0]))
        {
            builder.Insert(0, 'r');
        }

        return builder.ToString();
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex Separators();
}
