using System.Text;

namespace MultiRegion.Infra.Tests.Compile;

/// <summary>Splits a command line the way the YAML language host does (POSIX shell words: quotes and backslashes).</summary>
internal static class ShellWords
{
    public static IReadOnlyList<string> Split(string command)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                if (c == '\'') { quote = null; } else { current.Append(c); }
                continue;
            }

            if (quote == '"')
            {
                if (c == '"') { quote = null; }
                else if (c == '\\' && i + 1 < command.Length && "\"\\$`".Contains(command[i + 1], StringComparison.Ordinal)) { current.Append(command[++i]); }
                else { current.Append(c); }
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(current.ToString()); current.Clear(); inWord = false; }
                continue;
            }

            inWord = true;
            if (c is '"' or '\'') { quote = c; }
            else if (c == '\\' && i + 1 < command.Length) { current.Append(command[++i]); }
            else { current.Append(c); }
        }

        if (quote is not null)
        {
            throw new FormatException($"unterminated quote in: {command}");
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
