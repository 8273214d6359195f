using MultiRegion.Components.Aws.Identity;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Compute;

/// <summary>
/// The region's application instances: an instance role (SSM managed policy only) and profile, a launch template
/// (IMDSv2 required, encrypted EBS with the region's key, no public address, the application security group) and an
/// Auto Scaling group across the private subnets registered with the load balancer's target group. Pulumi ignores
/// <c>desiredCapacity</c> after creation so a deploy never undoes a scale-out.
/// </summary>
public sealed class ApplicationFleet : Component
{
    public const string SsmManagedPolicyArn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";

    public ApplicationFleet(IConstruct scope, string name, ApplicationFleetArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Role = new ServiceRole(this, "instance", new ServiceRoleArgs("ec2.amazonaws.com", $"{Stack.Name}: application instances (SSM only)")
        {
            ManagedPolicyArns = [SsmManagedPolicyArn],
        });
        InstanceProfile = Resource("instanceProfile", AwsTypes.InstanceProfile, Value.Map(("role", Role.RoleName)));

        LaunchTemplate = Resource("launchTemplate", AwsTypes.LaunchTemplate, Value.Map(
            ("description", $"{Stack.Name}: application instances"),
            ("imageId", args.ImageId),
            ("instanceType", args.InstanceType),
            ("iamInstanceProfile", Value.Map(("arn", InstanceProfile.Output("arn")))),
            ("vpcSecurityGroupIds", Value.List(args.SecurityGroupId)),
            ("ebsOptimized", "true"),
            ("updateDefaultVersion", true),
            ("userData", Optional.Of(args.UserData)),
            ("monitoring", Value.Map(("enabled", true))),
            ("metadataOptions", Value.Map(
                ("httpEndpoint", "enabled"),
                ("httpTokens", "required"),
                ("httpPutResponseHopLimit", 1),
                ("instanceMetadataTags", "disabled"))),
            ("blockDeviceMappings", Value.List(Value.Map(
                ("deviceName", args.RootDeviceName),
                ("ebs", Value.Map(
                    ("encrypted", "true"),
                    ("kmsKeyId", args.KmsKeyArn),
                    ("volumeSize", args.RootVolumeSizeGiB),
                    ("volumeType", "gp3"),
                    ("deleteOnTermination", "true"))))))));

        Group = Resource("group", AwsTypes.AutoScalingGroup, Value.Map(
            ("minSize", args.MinSize),
            ("maxSize", args.MaxSize),
            ("desiredCapacity", args.DesiredCapacity),
            ("vpcZoneIdentifiers", Value.List(args.PrivateSubnetIds)),
            ("targetGroupArns", Value.List(args.TargetGroupArn)),
            ("healthCheckType", "ELB"),
            ("healthCheckGracePeriod", args.HealthCheckGracePeriodSeconds),
            ("launchTemplate", Value.Map(("id", LaunchTemplate.Output("id")), ("version", "$Latest"))),
            ("instanceRefresh", Value.Map(
                ("strategy", "Rolling"),
                ("preferences", Value.Map(("minHealthyPercentage", 90))))),
            ("tags", Value.List(Value.Map(("key", "Name"), ("value", $"{Stack.Name}-app"), ("propagateAtLaunch", true))))),
            new ResourceOptions { IgnoreChanges = ["desiredCapacity"] });
    }

    public ServiceRole Role { get; }

    public Resource InstanceProfile { get; }

    public Resource LaunchTemplate { get; }

    public Resource Group { get; }
}
