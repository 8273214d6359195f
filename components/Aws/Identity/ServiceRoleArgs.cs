using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Identity;

/// <summary>
/// Inputs of <see cref="ServiceRole"/>: the service that may assume the role and, optionally, an inline policy and
/// AWS managed policies. Defaults: no permissions at all (permissions are added where the resources are known), a
/// one-hour session limit.
/// </summary>
public sealed record ServiceRoleArgs(string Service, string Description)
{
    /// <summary>An inline policy document (see <see cref="IamPolicyDocument"/>); none by default.</summary>
    public Value? InlinePolicy { get; init; }

    /// <summary>AWS managed policy ARNs to attach (each becomes a RolePolicyAttachment).</summary>
    public IReadOnlyList<string> ManagedPolicyArns { get; init; } = [];

    public int MaxSessionDurationSeconds { get; init; } = 3600;
}
