namespace MultiRegion.Components.Gcp;

/// <summary>
/// Names of GCP resources. GCP wants RFC 1035 names (lower-case letters, digits, hyphens; at most 63 characters),
/// and Pulumi's auto-names are derived from camelCase logical names, so every GCP component sets <c>name</c>
/// explicitly: <c>{prefix}-{part}</c>, where the prefix carries the service and region so two regional stacks in
/// one project never collide on project-global resources (health checks, backend services, addresses).
/// </summary>
public static class GcpNames
{
    public static string Of(string prefix, string part, int maxLength = 63)
    {
        var raw = $"{prefix}-{part}";
        var chars = raw.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray();
        var name = new string(chars);
        while (name.Contains("--", StringComparison.Ordinal))
        {
            name = name.Replace("--", "-", StringComparison.Ordinal);
        }

        name = name.Trim('-');
        if (name.Length > maxLength)
        {
            name = name[..maxLength].TrimEnd('-');
        }

        return name.Length > 0 && char.IsAsciiLetter(name[0]) ? name : "r" + name;
    }
}
