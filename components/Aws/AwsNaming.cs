using System.Globalization;
using System.Text;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws;

/// <summary>
/// Physical names for AWS resources whose names have stricter rules than logical names (lowercase, hyphens,
/// length limits): S3 buckets, load balancers, target groups, ElastiCache and RDS identifiers.
/// </summary>
public static class AwsNaming
{
    /// <summary>Lowercase letters, digits and single hyphens, at most <paramref name="maxLength"/> characters, no trailing hyphen.</summary>
    public static string Physical(int maxLength, params string[] parts)
    {
        var builder = new StringBuilder();
        foreach (var c in string.Join('-', parts.Where(p => p.Length > 0)).ToLowerInvariant())
        {
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (ok)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var text = builder.ToString();
        if (text.Length > maxLength)
        {
            text = text[..maxLength];
        }

        text = text.Trim('-');
        if (text.Length > 0 && char.IsDigit(text[0]))
        {
            text = string.Create(CultureInfo.InvariantCulture, $"r{text}")[..Math.Min(maxLength, text.Length + 1)];
        }

        return text;
    }

    /// <summary>The account id of the credentials Pulumi runs with, as a program variable (one per stack).</summary>
    public static VariableValue AccountId(StackDefinition stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        const string name = "awsCallerIdentity";
        var existing = stack.Variables.FirstOrDefault(v => v.Name == name);
        var variable = existing ?? stack.AddVariable(name, new InvokeValue(AwsTypes.GetCallerIdentity, Value.Map(), null, stack.DefaultProvider("aws")));
        return variable.Read("accountId");
    }
}
