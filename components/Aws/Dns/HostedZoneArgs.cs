namespace MultiRegion.Components.Aws.Dns;

/// <summary>Inputs of <see cref="HostedZone"/>: create a zone for <see cref="Domain"/>, or adopt an existing one by id.</summary>
public sealed record HostedZoneArgs(string Domain)
{
    /// <summary>An existing zone to adopt instead of creating one (it is read, never managed).</summary>
    public string? ExistingZoneId { get; init; }
}
