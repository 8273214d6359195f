using MultiRegion.Components.Aws.Identity;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Keys;

/// <summary>
/// The region's customer-managed KMS key: every data store of the region (EBS, Aurora, ElastiCache, S3, SNS,
/// DynamoDB replica) is encrypted with it, so access to data can be cut per region by disabling one key.
/// Rotation is on. The key policy delegates to IAM in the account and adds only the two service principals that
/// cannot get grants through IAM: the Auto Scaling service-linked role (encrypted EBS at launch) and CloudWatch
/// (alarm notifications to encrypted SNS topics).
/// </summary>
public sealed class RegionalKey : Component
{
    public RegionalKey(IConstruct scope, string name, RegionalKeyArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var account = AwsNaming.AccountId(Stack);
        var statements = new List<Value>
        {
            IamPolicyDocument.Statement("AccountAdministersThroughIam", "Allow", ["kms:*"], "*",
                Value.Map(("AWS", InterpolatedValue.Of("arn:aws:iam::", account, ":root")))),
        };
        if (args.AllowAutoScaling)
        {
            var autoScaling = Value.Map(("AWS", InterpolatedValue.Of("arn:aws:iam::", account, ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling")));
            statements.Add(IamPolicyDocument.Statement("AutoScalingUsesKey", "Allow",
                ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], "*", autoScaling));
            statements.Add(IamPolicyDocument.Statement("AutoScalingGrantsForVolumes", "Allow", ["kms:CreateGrant"], "*", autoScaling,
                Value.Map(("Bool", Value.Map(("kms:GrantIsForAWSResource", "true"))))));
        }

        if (args.AllowCloudWatchAlarms)
        {
            statements.Add(IamPolicyDocument.Statement("CloudWatchAlarmsToEncryptedTopics", "Allow", ["kms:Decrypt", "kms:GenerateDataKey*"], "*",
                Value.Map(("Service", "cloudwatch.amazonaws.com"))));
        }

        Key = Resource("key", AwsTypes.KmsKey, Value.Map(
            ("description", $"{Stack.Name}: data at rest of the region ({args.Alias})"),
            ("enableKeyRotation", true),
            ("rotationPeriodInDays", args.RotationPeriodInDays),
            ("deletionWindowInDays", args.DeletionWindowInDays),
            ("keyUsage", "ENCRYPT_DECRYPT"),
            ("policy", IamPolicyDocument.Of([.. statements]))),
            new ResourceOptions { Protect = args.Protect });
        Resource("alias", AwsTypes.KmsAlias, Value.Map(("name", $"alias/{args.Alias}"), ("targetKeyId", Key.Output("keyId"))));
    }

    public Resource Key { get; }

    public Value Arn => Key.Output("arn");
}
