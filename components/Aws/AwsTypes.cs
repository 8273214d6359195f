namespace MultiRegion.Components.Aws;

/// <summary>The <c>@pulumi/aws</c> type tokens the components declare (checked by the conformance test).</summary>
public static class AwsTypes
{
    public const string Provider = "pulumi:providers:aws";
    public const string Vpc = "aws:ec2/vpc:Vpc";
    public const string InternetGateway = "aws:ec2/internetGateway:InternetGateway";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string RouteTable = "aws:ec2/routeTable:RouteTable";
    public const string Route = "aws:ec2/route:Route";
    public const string RouteTableAssociation = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    public const string Eip = "aws:ec2/eip:Eip";
    public const string NatGateway = "aws:ec2/natGateway:NatGateway";
    public const string DefaultSecurityGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    public const string Zone = "aws:route53/zone:Zone";
    public const string HealthCheck = "aws:route53/healthCheck:HealthCheck";
    public const string GetAvailabilityZones = "aws:index/getAvailabilityZones:getAvailabilityZones";
    public const string GetZone = "aws:route53/getZone:getZone";
}
