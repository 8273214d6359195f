using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Identity;

/// <summary>
/// An IAM role one AWS service may assume (trust policy limited to that service principal), with an optional inline
/// policy and managed-policy attachments. Used for S3 replication, EventBridge forwarding and EC2 instances.
/// </summary>
public sealed class ServiceRole : Component
{
    public ServiceRole(IConstruct scope, string name, ServiceRoleArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Role = Resource("role", AwsTypes.Role, Value.Map(
            ("assumeRolePolicy", IamPolicyDocument.TrustService(args.Service)),
            ("description", args.Description),
            ("maxSessionDuration", args.MaxSessionDurationSeconds),
            ("forceDetachPolicies", true)));
        if (args.InlinePolicy is { } policy)
        {
            Resource("policy", AwsTypes.RolePolicy, Value.Map(("role", Role.Output("id")), ("policy", policy)));
        }

        for (var i = 0; i < args.ManagedPolicyArns.Count; i++)
        {
            Resource($"attachment{i}", AwsTypes.RolePolicyAttachment, Value.Map(
                ("role", Role.Output("name")), ("policyArn", args.ManagedPolicyArns[i])));
        }
    }

    public Resource Role { get; }

    public Value Arn => Role.Output("arn");

    public Value RoleName => Role.Output("name");
}
