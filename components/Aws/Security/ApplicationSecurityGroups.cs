using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Security;

/// <summary>
/// The four security groups of a region's tiers and the only paths between them:
/// internet → load balancer (443, and 80 for the redirect); load balancer → application (app port);
/// application → database (5432) and cache (6379); application → internet 443 through NAT (SSM, package mirrors).
/// Groups have no inline rules: every rule is its own <c>aws:vpc/securityGroup{Ingress,Egress}Rule</c> resource, so rules
/// are added and removed one by one and nothing else can open a port unnoticed. The database and cache groups have
/// no egress at all and accept traffic only from the application group, never from a CIDR.
/// </summary>
public sealed class ApplicationSecurityGroups : Component
{
    public ApplicationSecurityGroups(IConstruct scope, string name, ApplicationSecurityGroupsArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        LoadBalancer = Group("loadBalancer", "internet-facing load balancer: HTTPS in, application port out", args.VpcId);
        Application = Group("application", "application instances: only from the load balancer", args.VpcId);
        Database = Group("database", "Aurora: only from the application", args.VpcId);
        Cache = Group("cache", "ElastiCache: only from the application", args.VpcId);

        Ingress("loadBalancerHttps", LoadBalancer, 443, "HTTPS from clients", cidr: args.ClientCidr);
        if (args.AllowHttpRedirect)
        {
            Ingress("loadBalancerHttpRedirect", LoadBalancer, 80, "HTTP from clients, redirected to HTTPS", cidr: args.ClientCidr);
        }

        Egress("loadBalancerToApplication", LoadBalancer, args.ApplicationPort, "to the application", peer: Application);
        Ingress("applicationFromLoadBalancer", Application, args.ApplicationPort, "from the load balancer", peer: LoadBalancer);
        Egress("applicationToDatabase", Application, args.DatabasePort, "to Aurora", peer: Database);
        Egress("applicationToCache", Application, args.CachePort, "to ElastiCache", peer: Cache);
        Egress("applicationHttpsOut", Application, 443, "HTTPS out through NAT (SSM, package mirrors, AWS APIs)", cidr: "0.0.0.0/0");
        Ingress("databaseFromApplication", Database, args.DatabasePort, "from the application", peer: Application);
        Ingress("cacheFromApplication", Cache, args.CachePort, "from the application", peer: Application);
    }

    public Resource LoadBalancer { get; }

    public Resource Application { get; }

    public Resource Database { get; }

    public Resource Cache { get; }

    private Resource Group(string localName, string description, Value vpcId) => Resource(localName, AwsTypes.SecurityGroup, Value.Map(
        ("description", description),
        ("vpcId", vpcId),
        ("revokeRulesOnDelete", true),
        ("tags", Value.Map(("Name", $"{Stack.Name}-{localName}")))));

    private void Ingress(string localName, Resource group, int port, string description, Resource? peer = null, string? cidr = null) =>
        Rule(localName, AwsTypes.SecurityGroupIngressRule, group, port, description, peer, cidr);

    private void Egress(string localName, Resource group, int port, string description, Resource? peer = null, string? cidr = null) =>
        Rule(localName, AwsTypes.SecurityGroupEgressRule, group, port, description, peer, cidr);

    private void Rule(string localName, string type, Resource group, int port, string description, Resource? peer, string? cidr) =>
        Resource(localName, type, Value.Map(
            ("securityGroupId", group.Output("id")),
            ("ipProtocol", "tcp"),
            ("fromPort", port),
            ("toPort", port),
            ("description", description),
            ("referencedSecurityGroupId", peer?.Output("id")),
            ("cidrIpv4", Optional.Of(cidr))));
}
