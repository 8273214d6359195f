namespace MultiRegion.Components.Stacks;

/// <summary>
/// A cloud-independent part of the deployment layered on the platforms' stacks (the Kubernetes worker pools): the
/// synthesizer calls it after the region's platform, and after every platform in the cross-region stack.
/// </summary>
public interface IStackAddOn
{
    void BuildRegion(RegionalStackContext context);

    void BuildCrossRegion(CrossRegionStackContext context);
}
