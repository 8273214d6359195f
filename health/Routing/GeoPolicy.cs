using MultiRegion.Health.Dns;

namespace MultiRegion.Health.Routing;

/// <summary>
/// One geo record per serving region (by its continent); the default location "*" is always published: by the
/// region configured as "*" when it serves, otherwise by the most preferred serving region.
/// </summary>
public sealed class GeoPolicy : IRoutingPolicy
{
    public const string DefaultLocation = "*";

    public string Name => "geo";

    public RoutingDecision Decide(RoutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var serving = RoutingRecords.Serving(context);
        if (serving is null)
        {
            return RoutingRecords.FailOpen(context, regions => Build(context, regions, out _));
        }

        var records = Build(context, serving.Value.Regions, out var defaultRegion);
        var ids = RoutingRecords.ByPreference(serving.Value.Regions).Select(r => r.RegionId).ToList();
        return new RoutingDecision(records, $"geo records for {string.Join(", ", ids)}; default answer {defaultRegion}", false, ids);
    }

    private static List<DnsRecordSet> Build(RoutingContext context, IReadOnlyList<RegionStatus> regions, out string defaultRegion)
    {
        var name = DnsName.Normalize(context.Name);
        var ordered = RoutingRecords.ByPreference(regions).ToList();
        var records = new List<DnsRecordSet>();
        foreach (var region in ordered.Where(r => r.Endpoint.GeoLocation is { } geo && geo != DefaultLocation))
        {
            if (records.Any(r => r.GeoLocation == region.Endpoint.GeoLocation))
            {
                continue; // one answer per location: the most preferred region wins
            }

            records.Add(new DnsRecordSet(name, region.Endpoint.RecordType, context.Ttl, [region.Endpoint.CanonicalTarget], SetIdentifier: region.RegionId, GeoLocation: region.Endpoint.GeoLocation));
        }

        var fallback = ordered.FirstOrDefault(r => r.Endpoint.GeoLocation == DefaultLocation) ?? ordered[0];
        defaultRegion = fallback.RegionId;
        records.Add(new DnsRecordSet(name, fallback.Endpoint.RecordType, context.Ttl, [fallback.Endpoint.CanonicalTarget], SetIdentifier: "default", GeoLocation: DefaultLocation));
        return records;
    }
}
