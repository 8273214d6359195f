namespace MultiRegion.Components.Topology;

/// <summary>The cloud a region is deployed to; decides which component implementations it gets.</summary>
public enum CloudProvider
{
    Aws,
    Gcp,
    Azure,
}
