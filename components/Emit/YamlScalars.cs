using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MultiRegion.Components.Emit;

/// <summary>Scalar nodes that a YAML reader reads back with the same type: strings are quoted whenever plain style would be ambiguous.</summary>
internal static partial class YamlScalars
{
    public static YamlScalarNode String(string text) =>
        new(text) { Style = IsPlainSafe(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted };

    public static YamlScalarNode Literal(object literal) => literal switch
    {
        string s => String(EscapeInterpolation(s)),
        bool b => new YamlScalarNode(b ? "true" : "false"),
        int or long => new YamlScalarNode(Convert.ToString(literal, CultureInfo.InvariantCulture)),
        double d => new YamlScalarNode(d.ToString("R", CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"unsupported literal type {literal.GetType().Name}", nameof(literal)),
    };

    /// <summary>Pulumi YAML reads <c>${…}</c> in any string as an expression; a literal one is written <c>$${…}</c>.</summary>
    public static string EscapeInterpolation(string text) => text.Replace("${", "$${", StringComparison.Ordinal);

    private static bool IsPlainSafe(string text) =>
        text.Length > 0 && PlainSafe().IsMatch(text) && !Reserved().IsMatch(text) && !Numeric().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./@:+-]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex("^(?i:y|n|yes|no|true|false|on|off|null|~)$")]
    private static partial Regex Reserved();

    [GeneratedRegex(@"^[-+]?(\.?[0-9]|\.inf|\.nan)")]
    private static partial Regex Numeric();
}
