namespace MultiRegion.Components.Topology;

/// <summary>Exactly one region is the primary (writer); the others are secondaries.</summary>
public enum RegionRole
{
    Primary,
    Secondary,
}
