using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Identity;

/// <summary>
/// The account-wide identities of the deployment, created once in the global stack:
/// <list type="bullet">
/// <item>the S3 replication role (trusted by <c>s3.amazonaws.com</c>);</item>
/// <item>the EventBridge forwarding role (trusted by <c>events.amazonaws.com</c>);</item>
/// <item>the health checker's managed policy: only <c>route53:ChangeResourceRecordSets</c> and
/// <c>route53:ListResourceRecordSets</c> on this zone, and <c>route53:GetChange</c> on change ids — nothing else, so a
/// compromised checker can rewrite this zone's records and nothing more.</item>
/// </list>
/// </summary>
public sealed class GlobalIdentities : Component
{
    public GlobalIdentities(IConstruct scope, string name, GlobalIdentitiesArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Replication = new ServiceRole(this, "replication", new ServiceRoleArgs("s3.amazonaws.com",
            "S3 cross-region replication of the regional buckets (permissions attached by the cross-region stack)"));
        EventForwarding = new ServiceRole(this, "eventForwarding", new ServiceRoleArgs("events.amazonaws.com",
            "EventBridge forwarding between the regional event buses (permissions attached by the cross-region stack)"));
        HealthCheckerPolicy = Resource("healthCheckerPolicy", AwsTypes.Policy, Value.Map(
            ("description", "multiregion health checker: change and list the records of the deployment's zone, poll changes"),
            ("policy", IamPolicyDocument.Of(
                IamPolicyDocument.Allow("ChangeZoneRecords", ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"], Value.List(args.HostedZoneArn)),
                IamPolicyDocument.Allow("PollChanges", ["route53:GetChange"], Value.List("arn:aws:route53:::change/*"))))));
    }

    public ServiceRole Replication { get; }

    public ServiceRole EventForwarding { get; }

    public Resource HealthCheckerPolicy { get; }
}
