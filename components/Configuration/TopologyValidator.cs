using MultiRegion.Components.Networking;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Configuration;

/// <summary>Rules that span fields, regions and files; each violation names source, field and value.</summary>
internal static class TopologyValidator
{
    public static void Validate(DeploymentTopology topology, RawConfiguration raw, bool requireStackFiles, List<ConfigError> errors)
    {
        var regionsSource = raw.Project.TryGetValue("multiregion:regions", out var entry) ? entry.Source : "Pulumi.yaml";
        var regions = topology.Regions;

        if (regions.Count == 0 && raw.Project.ContainsKey("multiregion:regions"))
        {
            errors.Add(new ConfigError(regionsSource, "regions", null, "must list at least one region"));
        }

        foreach (var duplicate in regions.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            errors.Add(new ConfigError(regionsSource, $"regions[{IndexOf(regions, duplicate.Skip(1).First())}].id", duplicate.Key, "duplicate region id"));
        }

        foreach (var reserved in regions.Where(r => r.Id is StackNames.Global or StackNames.CrossRegion))
        {
            errors.Add(new ConfigError(regionsSource, $"regions[{IndexOf(regions, reserved)}].id", reserved.Id, "is a reserved stack name"));
        }

        var primaries = regions.Where(r => r.IsPrimary).ToArray();
        if (regions.Count > 0 && primaries.Length == 0)
        {
            errors.Add(new ConfigError(regionsSource, "regions[*].role", null, "no region has role 'primary'; exactly one must"));
        }
        else if (primaries.Length > 1)
        {
            errors.Add(new ConfigError(regionsSource, "regions[*].role", string.Join(", ", primaries.Select(p => p.Id)), "several regions have role 'primary'; exactly one must"));
        }
        else if (primaries.Length == 1 && !primaries[0].Enabled)
        {
            errors.Add(new ConfigError(regionsSource, $"regions[{IndexOf(regions, primaries[0])}].enabled", "false", "the primary region cannot be disabled; make another region primary"));
        }

        if (primaries.Length == 1 && regions.Where(r => !r.IsPrimary).Any(r => r.Priority >= primaries[0].Priority))
        {
            var rival = regions.Where(r => !r.IsPrimary).First(r => r.Priority >= primaries[0].Priority);
            errors.Add(new ConfigError(regionsSource, $"regions[{IndexOf(regions, rival)}].priority", rival.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture), $"a secondary must have a lower priority than the primary {primaries[0].Id} ({primaries[0].Priority})"));
        }

        foreach (var tie in regions.Where(r => r.Enabled && r.Priority > 0).GroupBy(r => r.Priority).Where(g => g.Count() > 1))
        {
            var tied = tie.ToArray();
            errors.Add(new ConfigError(regionsSource, $"regions[{IndexOf(regions, tied[1])}].priority", tie.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), $"tied with {tied[0].Id}: enabled regions compete for the same rank, so priorities must differ"));
        }

        foreach (var region in regions)
        {
            var index = IndexOf(regions, region);
            if (region.CloudRegion.Length > 0 && !KnownRegions.Contains(region.Cloud, region.CloudRegion))
            {
                var field = region.CloudRegion == region.Id ? "id" : "cloudRegion";
                errors.Add(new ConfigError(regionsSource, $"regions[{index}].{field}", region.CloudRegion, $"unknown {region.Cloud.ToString().ToLowerInvariant()} region"));
            }

            if (region.Cidr.Length == 0)
            {
                continue;
            }

            if (!Cidr.TryParse(region.Cidr, out var block))
            {
                errors.Add(new ConfigError(regionsSource, $"regions[{index}].cidr", region.Cidr, "malformed CIDR; expected an IPv4 network such as 10.0.0.0/16 (host bits zero)"));
                continue;
            }

            if (SubnetPlan.SubnetPrefixFor(block.Cidr, region.Network.AvailabilityZoneCount) > SubnetPlan.LargestSubnetPrefix)
            {
                errors.Add(new ConfigError(regionsSource, $"regions[{index}].cidr", region.Cidr, $"too small for the subnet plan: {region.Network.AvailabilityZoneCount} availability zones × 3 tiers need subnets of /{SubnetPlan.LargestSubnetPrefix} or larger"));
            }
        }

        for (var i = 0; i < regions.Count; i++)
        {
            for (var j = i + 1; j < regions.Count; j++)
            {
                if (Cidr.Overlap(regions[i].Cidr, regions[j].Cidr))
                {
                    errors.Add(new ConfigError(regionsSource, $"regions[{j}].cidr", regions[j].Cidr, $"overlaps {regions[i].Id} ({regions[i].Cidr}); regional networks are peered, so blocks must be disjoint"));
                }
            }
        }

        // AWS regions validate their certificates and publish their regional names in the deployment's Route 53
        // zone; that zone exists only when the DNS platform (the primary's cloud) is AWS.
        if (primaries.Length == 1 && primaries[0].Cloud != CloudProvider.Aws)
        {
            foreach (var aws in regions.Where(r => r.Cloud == CloudProvider.Aws))
            {
                errors.Add(new ConfigError(regionsSource, $"regions[{IndexOf(regions, aws)}].cloud", "aws",
                    $"AWS regions need the deployment's DNS in Route 53, which only an AWS primary provides; the primary {primaries[0].Id} is on {primaries[0].Cloud.ToString().ToLowerInvariant()}: make an AWS region primary or move this region to another cloud"));
            }
        }

        foreach (var exception in topology.Global.ResidencyExceptions)
        {
            foreach (var id in new[] { exception.FromRegion, exception.ToRegion }.Where(id => id.Length > 0 && topology.Find(id) is null))
            {
                errors.Add(new ConfigError(regionsSource, "residencyExceptions", id, "names a region that is not in regions"));
            }
        }

        ValidateReplicationResidency(topology, regionsSource, errors);
        ValidateStackFiles(topology, raw, requireStackFiles, errors);
    }

    /// <summary>
    /// GCP and Azure regions replicate their cloud's database from the cloud's anchor region (Cloud SQL replicas,
    /// Azure SQL geo-secondaries): such a flow out of a GDPR region in the EU needs an explicit exception.
    /// </summary>
    private static void ValidateReplicationResidency(DeploymentTopology topology, string source, List<ConfigError> errors)
    {
        if (topology.Regions.Count(r => r.IsPrimary) != 1)
        {
            return;
        }

        foreach (var cloud in new[] { CloudProvider.Gcp, CloudProvider.Azure })
        {
            var anchor = Stacks.CloudAnchor.For(topology, cloud);
            if (anchor is null)
            {
                continue;
            }

            foreach (var replica in topology.Regions.Where(r => r.Cloud == cloud && r.Id != anchor.Id && !DataResidency.AllowsReplication(topology, anchor, r)))
            {
                errors.Add(new ConfigError(source, $"regions[{IndexOf(topology.Regions, replica)}].id", replica.Id,
                    $"would hold a replica of {anchor.Id}'s database, which is {DataResidency.Gdpr}-restricted to the EU; add a residencyExceptions entry (from: {anchor.Id}, to: {replica.Id}) with a justification"));
            }
        }
    }

    private static void ValidateStackFiles(DeploymentTopology topology, RawConfiguration raw, bool requireStackFiles, List<ConfigError> errors)
    {
        var known = new HashSet<string>(topology.Regions.Select(r => r.Id), StringComparer.Ordinal) { StackNames.Global, StackNames.CrossRegion };
        foreach (var (stack, file) in raw.StackFiles)
        {
            if (!known.Contains(stack))
            {
                errors.Add(new ConfigError(file, "(file)", stack, $"stack file for an unknown stack; stacks are: {string.Join(", ", known.Order(StringComparer.Ordinal))}"));
            }
        }

        if (requireStackFiles)
        {
            foreach (var stack in known.Order(StringComparer.Ordinal).Where(s => !raw.StackFiles.ContainsKey(s)))
            {
                var kind = StackNames.IsRegional(stack) ? "region" : "stack";
                errors.Add(new ConfigError("stacks/", $"Pulumi.{stack}.yaml", null, $"missing: the {kind} '{stack}' has no stack file"));
            }
        }

        foreach (var (stack, entries) in raw.Stacks)
        {
            var region = topology.Find(stack);
            if (region is null && StackNames.IsRegional(stack))
            {
                continue;
            }

            var allowed = region is not null ? SettingKeys.RegionalStack
                : stack == StackNames.Global ? SettingKeys.GlobalStack : SettingKeys.CrossRegionStack;
            // Under the compiler hook there are no files: the entries' source (PULUMI_CONFIG) is named instead.
            var file = raw.StackFiles.TryGetValue(stack, out var f) ? f : entries.Values.FirstOrDefault()?.Source ?? PulumiEnvironmentConfigurationSource.Source;

            foreach (var (key, e) in entries)
            {
                var prefix = RawConfiguration.ProjectNamespace + ":";
                if (key.StartsWith(prefix, StringComparison.Ordinal) && !allowed.Contains(key[prefix.Length..]))
                {
                    var hint = allowed.Length == 0 ? "this stack takes no multiregion settings" : $"this stack's settings are: {string.Join(", ", allowed)}";
                    errors.Add(new ConfigError(file, key, ConfigObject.Display(e.Value), $"unknown setting; {hint}"));
                }
            }

            RequireProviderSettings(topology, stack, region, entries, raw.ForStack(stack), file, errors);
        }
    }

    private static void RequireProviderSettings(
        DeploymentTopology topology,
        string stack,
        Region? region,
        IReadOnlyDictionary<string, ConfigEntry> entries,
        IReadOnlyDictionary<string, ConfigEntry> merged,
        string file,
        List<ConfigError> errors)
    {
        // A regional stack runs on its region's cloud; the global and cross-region stacks on the primary's (which
        // owns the zone and the DNS records).
        var primaryCloud = topology.Regions.FirstOrDefault(r => r.IsPrimary)?.Cloud ?? CloudProvider.Aws;
        var cloud = region?.Cloud ?? primaryCloud;
        var (key, expected) = cloud switch
        {
            CloudProvider.Aws => ("aws:region", region?.CloudRegion),
            CloudProvider.Gcp => ("gcp:region", region?.CloudRegion),
            _ => ("azure-native:location", region?.CloudRegion),
        };

        if (!entries.TryGetValue(key, out var setting) || ConfigObject.Display(setting.Value) is not { Length: > 0 } actual)
        {
            errors.Add(new ConfigError(file, key, null, $"is required for stack '{stack}'"));
        }
        else if (expected is not null && actual != expected)
        {
            errors.Add(new ConfigError(file, key, actual, $"does not match the region's cloudRegion '{expected}'"));
        }

        // The cross-region stack peers GCP networks when there are several GCP regions, so it needs the project too.
        var needsGcpProject = cloud == CloudProvider.Gcp
            || (stack == StackNames.CrossRegion && topology.Regions.Count(r => r.Cloud == CloudProvider.Gcp) > 1);
        if (needsGcpProject && !entries.ContainsKey("gcp:project"))
        {
            errors.Add(new ConfigError(file, "gcp:project", null, $"is required for GCP stack '{stack}'"));
        }

        if (stack != StackNames.Global && Has(merged, "multiregion:kubeContext") && !Has(merged, "multiregion:workerImage"))
        {
            errors.Add(new ConfigError(file, "multiregion:workerImage", null, $"is required for stack '{stack}' because it sets multiregion:kubeContext (the worker pool's container image)"));
        }

        if (region?.Cloud == CloudProvider.Azure)
        {
            foreach (var required in SettingKeys.AzureRegionalRequired)
            {
                var namespaced = RawConfiguration.Namespaced(required);
                if (!merged.TryGetValue(namespaced, out var value) || ConfigObject.Display(value.Value) is not { Length: > 0 })
                {
                    errors.Add(new ConfigError(file, namespaced, null, $"is required for Azure stack '{stack}' (set it in the stack file)"));
                }
            }
        }
    }

    private static bool Has(IReadOnlyDictionary<string, ConfigEntry> config, string key) =>
        config.TryGetValue(key, out var entry) && ConfigObject.Display(entry.Value) is { Length: > 0 };

    private static int IndexOf(IReadOnlyList<Region> regions, Region region)
    {
        for (var i = 0; i < regions.Count; i++)
        {
            if (ReferenceEquals(regions[i], region))
            {
                return i;
            }
        }

        return -1;
    }
}
