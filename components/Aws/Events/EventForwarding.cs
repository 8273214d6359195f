using MultiRegion.Components.Aws.Identity;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Events;

/// <summary>
/// Forwards events between the regional EventBridge buses: per source region, one rule matching only events that
/// <em>originated</em> in that region (<c>"region": [source]</c> — forwarded events keep their origin region, so
/// nothing is forwarded twice and there are no loops), with one target per allowed destination bus. The global
/// forwarding role gets an inline policy allowing <c>events:PutEvents</c> on exactly those buses.
/// </summary>
public sealed class EventForwarding : Component
{
    /// <summary>EventBridge's limit of targets per rule.</summary>
    public const int MaxTargetsPerRule = 5;

    public EventForwarding(IConstruct scope, string name, EventForwardingArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var byRegion = args.Buses.ToDictionary(b => b.RegionId, StringComparer.Ordinal);
        var destinations = args.Routes.Select(r => r.To).Distinct(StringComparer.Ordinal).Select(id => byRegion[id].BusArn).ToArray();
        if (destinations.Length == 0)
        {
            return;
        }

        var policy = Resource("rolePolicy", AwsTypes.RolePolicy, Value.Map(
            ("role", args.RoleName),
            ("policy", IamPolicyDocument.Of(IamPolicyDocument.Allow("PutToRegionalBuses", ["events:PutEvents"], Value.List(destinations))))));

        foreach (var group in args.Routes.GroupBy(r => r.From, StringComparer.Ordinal))
        {
            var source = byRegion[group.Key];

            // EventBridge allows at most five targets per rule: one rule per five destinations.
            foreach (var (chunk, index) in group.Chunk(MaxTargetsPerRule).Select((c, i) => (c, i)))
            {
                var rule = Resource(index == 0 ? $"{source.RegionId}-rule" : $"{source.RegionId}-rule{index + 1}", AwsTypes.EventRule, Value.Map(
                    ("description", $"forward events originating in {source.RegionId} to the other regions"),
                    ("eventBusName", source.BusName),
                    ("eventPattern", Value.Json(Value.Map(("region", Value.List(source.CloudRegion))))),
                    ("state", "ENABLED")),
                    new ResourceOptions { Provider = source.Provider });
                foreach (var (_, to) in chunk)
                {
                    Resource($"{source.RegionId}-to-{to}", AwsTypes.EventTarget, Value.Map(
                        ("rule", rule.Output("name")),
                        ("eventBusName", source.BusName),
                        ("arn", byRegion[to].BusArn),
                        ("roleArn", args.RoleArn)),
                        new ResourceOptions { Provider = source.Provider, DependsOn = [policy] });
                }
            }
        }
    }
}
