namespace MultiRegion.Components.Stacks;

/// <summary>The outputs of the global stack that regional and cross-region stacks read.</summary>
public static class GlobalOutputs
{
    /// <summary>The id of the hosted zone that serves the deployment's domain.</summary>
    public const string ZoneId = "zoneId";

    /// <summary>The zone's name servers (to delegate the domain).</summary>
    public const string NameServers = "nameServers";

    /// <summary>The domain itself.</summary>
    public const string Domain = "domain";
}
