namespace MultiRegion.Components.Topology;

/// <summary>The continent a provider region is in, as Route 53 geolocation codes name them (AF, AN, AS, EU, NA, OC, SA).</summary>
public static class Continents
{
    public static string Of(CloudProvider cloud, string region)
    {
        if (KnownRegions.IsInEurope(cloud, region) || region.StartsWith("eu", StringComparison.Ordinal) || region.StartsWith("uk", StringComparison.Ordinal))
        {
            return "EU";
        }

        return region switch
        {
            _ when region.StartsWith("us", StringComparison.Ordinal) || region.StartsWith("ca", StringComparison.Ordinal)
                || region.StartsWith("mx", StringComparison.Ordinal) || region.StartsWith("northamerica", StringComparison.Ordinal)
                || region.Contains("centralus", StringComparison.Ordinal) || region.StartsWith("west", StringComparison.Ordinal)
                || region.StartsWith("east", StringComparison.Ordinal) => "NA",
            _ when region.StartsWith("sa-", StringComparison.Ordinal) || region.StartsWith("southamerica", StringComparison.Ordinal)
                || region.StartsWith("brazil", StringComparison.Ordinal) => "SA",
            _ when region.StartsWith("af-", StringComparison.Ordinal) || region.StartsWith("africa", StringComparison.Ordinal)
                || region.StartsWith("southafrica", StringComparison.Ordinal) => "AF",
            _ when region.StartsWith("australia", StringComparison.Ordinal) || region is "ap-southeast-2" or "ap-southeast-4" => "OC",
            _ => "AS",
        };
    }
}
