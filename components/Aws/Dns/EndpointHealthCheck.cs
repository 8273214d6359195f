using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Dns;

/// <summary>
/// A Route 53 HTTPS health check of one regional endpoint, probed from Route 53's checker regions. Routing records
/// reference it, so Route 53 itself withdraws an unhealthy region from the answers Pulumi owns; the post-deploy
/// checker can read its status too.
/// </summary>
public sealed class EndpointHealthCheck : Component
{
    public EndpointHealthCheck(IConstruct scope, string name, EndpointHealthCheckArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Check = Resource("check", AwsTypes.HealthCheck, Value.Map(
            ("type", "HTTPS"),
            ("fqdn", args.Fqdn),
            ("port", args.Port),
            ("resourcePath", args.ResourcePath),
            ("requestInterval", args.RequestInterval),
            ("failureThreshold", args.Threshold),
            ("enableSni", true),
            ("measureLatency", true),
            ("disabled", args.Disabled),
            ("tags", Value.Map(("Name", args.Fqdn)))));
    }

    public Resource Check { get; }

    public Value Id => Check.Output("id");
}
