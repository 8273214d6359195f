using System.Text.Json.Nodes;
using MultiRegion.Components.Topology;

namespace MultiRegion.Components.Configuration;

/// <summary>
/// Interprets raw config as a <see cref="DeploymentTopology"/>: field types, ranges and defaults. Cross-field rules
/// (one primary, overlapping CIDRs, stack files) belong to <see cref="TopologyValidator"/>.
/// </summary>
internal static class TopologyReader
{
    public static DeploymentTopology Read(RawConfiguration raw, List<ConfigError> errors)
    {
        var project = ProjectObject(raw.Project, errors);
        foreach (var (key, entry) in raw.Project)
        {
            if (key.StartsWith(RawConfiguration.ProjectNamespace + ":", StringComparison.Ordinal)
                && !SettingKeys.Project.Contains(key[(RawConfiguration.ProjectNamespace.Length + 1)..]))
            {
                errors.Add(new ConfigError(entry.Source, key, ConfigObject.Display(entry.Value), $"unknown setting; project settings are: {string.Join(", ", SettingKeys.Project)}"));
            }
        }

        var global = ReadGlobal(project);
        var regions = project.Objects("regions", required: true)
            .Select(region => ReadRegion(region, raw, errors))
            .ToArray();
        return new DeploymentTopology(global, regions);
    }

    /// <summary>Views the namespaced project entries as one object so fields can be read with their source.</summary>
    private static ConfigObject ProjectObject(IReadOnlyDictionary<string, ConfigEntry> entries, List<ConfigError> errors)
    {
        var obj = new JsonObject();
        var source = "Pulumi.yaml";
        foreach (var (key, entry) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (key.StartsWith(RawConfiguration.ProjectNamespace + ":", StringComparison.Ordinal))
            {
                obj[key[(RawConfiguration.ProjectNamespace.Length + 1)..]] = entry.Value?.DeepClone();
                source = entry.Source;
            }
        }

        return new ConfigObject(obj, source, string.Empty, errors);
    }

    private static GlobalSettings ReadGlobal(ConfigObject project)
    {
        var environment = project.String("environment", required: true) ?? string.Empty;
        var domain = project.String("domain", required: true) ?? string.Empty;
        if (domain.Length > 0 && !DnsName.IsValid(domain))
        {
            project.Error("domain", JsonValue.Create(domain), "must be a DNS name such as example.com");
        }

        var serviceName = project.String("serviceName") ?? "app";
        if (!DnsName.IsValidLabel(serviceName))
        {
            project.Error("serviceName", JsonValue.Create(serviceName), "must be one DNS label (letters, digits, hyphens)");
        }

        var health = project.Object("healthCheck");
        var healthCheck = HealthCheckSettings.Default;
        if (health is not null)
        {
            health.RejectUnknown("path", "intervalSeconds", "failureThreshold", "ttl");
            var path = health.String("path") ?? healthCheck.Path;
            if (!path.StartsWith('/'))
            {
                health.Error("path", JsonValue.Create(path), "must start with '/'");
            }

            healthCheck = new HealthCheckSettings(
                path,
                health.Int("intervalSeconds", healthCheck.IntervalSeconds, 1, 300),
                health.Int("failureThreshold", healthCheck.FailureThreshold, 1, 10),
                health.Int("ttl", healthCheck.Ttl, 1, 86400));
        }

        var residency = project.Objects("residencyExceptions").Select(e =>
        {
            e.RejectUnknown("from", "to", "justification");
            return new ResidencyException(e.String("from", true) ?? string.Empty, e.String("to", true) ?? string.Empty, e.String("justification", true) ?? string.Empty);
        }).ToArray();
        var waivers = project.Objects("waivers").Select(w =>
        {
            w.RejectUnknown("rule", "resource", "justification");
            return new PolicyWaiver(w.String("rule", true) ?? string.Empty, w.String("resource") ?? "*", w.String("justification", true) ?? string.Empty);
        }).ToArray();

        return new GlobalSettings(
            environment,
            domain.TrimEnd('.'),
            serviceName,
            project.Enum("routingPolicy", RoutingPolicyKind.Failover),
            project.String("costCenter") ?? "platform",
            project.StringMap("defaultTags"),
            residency,
            waivers,
            healthCheck);
    }

    private static Region ReadRegion(ConfigObject region, RawConfiguration raw, List<ConfigError> errors)
    {
        region.RejectUnknown("id", "cloud", "cloudRegion", "role", "priority", "enabled", "cidr", "compliance", "weight", "capacity", "network", "workerPool");
        var id = region.String("id", required: true) ?? string.Empty;
        if (id.Length > 0 && !DnsName.IsValidLabel(id))
        {
            region.Error("id", JsonValue.Create(id), "must be letters, digits and hyphens (it is also the stack name)");
        }

        var cloud = region.Enum("cloud", CloudProvider.Aws);
        var capacity = ReadCapacity(region.Object("capacity"));
        var network = ReadNetwork(region.Object("network"));

        // A regional stack file may override the region's sizes; under the compiler hook only the selected
        // stack's overrides are present, which is all its program needs.
        if (raw.Stacks.TryGetValue(id, out var stackEntries))
        {
            var overrides = OverrideObject(stackEntries, errors);
            if (overrides is not null)
            {
                capacity = new RegionCapacity(
                    overrides.Int("minSize", capacity.MinSize, 0, 1000),
                    overrides.Int("maxSize", capacity.MaxSize, 1, 1000),
                    overrides.Int("desiredSize", capacity.DesiredSize, 0, 1000),
                    overrides.String("instanceType") ?? capacity.InstanceType,
                    overrides.String("databaseInstanceClass") ?? capacity.DatabaseInstanceClass,
                    overrides.String("cacheNodeType") ?? capacity.CacheNodeType);
                network = new NetworkSettings(
                    overrides.Int("availabilityZones", network.AvailabilityZoneCount, 1, 6),
                    overrides.Enum("natStrategy", network.NatStrategy));
            }
        }

        if (capacity.MinSize > capacity.MaxSize || capacity.DesiredSize < capacity.MinSize || capacity.DesiredSize > capacity.MaxSize)
        {
            region.Error("capacity", JsonValue.Create($"min {capacity.MinSize}, desired {capacity.DesiredSize}, max {capacity.MaxSize}"), "must satisfy minSize <= desiredSize <= maxSize");
        }

        return new Region(
            id,
            cloud,
            region.String("cloudRegion") ?? id,
            region.Enum("role", RegionRole.Secondary, required: true),
            region.Int("priority", 0, 1, 1000, required: true),
            region.Bool("enabled", true),
            region.String("cidr", required: true) ?? string.Empty,
            region.Strings("compliance"),
            region.Int("weight", 1, 0, 255),
            capacity,
            network,
            ReadWorkerPool(region.Object("workerPool")));
    }

    private static ConfigObject? OverrideObject(IReadOnlyDictionary<string, ConfigEntry> entries, List<ConfigError> errors)
    {
        var obj = new JsonObject();
        string? source = null;
        foreach (var (key, entry) in entries)
        {
            var prefix = RawConfiguration.ProjectNamespace + ":";
            if (key.StartsWith(prefix, StringComparison.Ordinal) && SettingKeys.RegionalStack.Contains(key[prefix.Length..]))
            {
                obj[key[prefix.Length..]] = entry.Value?.DeepClone();
                source = entry.Source;
            }
        }

        return source is null ? null : new ConfigObject(obj, source, RawConfiguration.ProjectNamespace, errors);
    }

    private static RegionCapacity ReadCapacity(ConfigObject? capacity)
    {
        var d = RegionCapacity.Default;
        if (capacity is null)
        {
            return d;
        }

        capacity.RejectUnknown("minSize", "maxSize", "desiredSize", "instanceType", "databaseInstanceClass", "cacheNodeType");
        return new RegionCapacity(
            capacity.Int("minSize", d.MinSize, 0, 1000),
            capacity.Int("maxSize", d.MaxSize, 1, 1000),
            capacity.Int("desiredSize", d.DesiredSize, 0, 1000),
            capacity.String("instanceType") ?? d.InstanceType,
            capacity.String("databaseInstanceClass") ?? d.DatabaseInstanceClass,
            capacity.String("cacheNodeType") ?? d.CacheNodeType);
    }

    private static NetworkSettings ReadNetwork(ConfigObject? network)
    {
        var d = NetworkSettings.Default;
        if (network is null)
        {
            return d;
        }

        network.RejectUnknown("availabilityZones", "natStrategy");
        return new NetworkSettings(network.Int("availabilityZones", d.AvailabilityZoneCount, 1, 6), network.Enum("natStrategy", d.NatStrategy));
    }

    private static WorkerPoolSettings ReadWorkerPool(ConfigObject? pool)
    {
        var d = WorkerPoolSettings.Default;
        if (pool is null)
        {
            return d;
        }

        pool.RejectUnknown("replicas", "concurrency", "pool", "prefetchMultiplier", "maxTasksPerChild");
        var kind = pool.String("pool") ?? d.Pool;
        if (kind is not ("prefork" or "threads" or "solo" or "gevent" or "eventlet"))
        {
            pool.Error("pool", JsonValue.Create(kind), "must be one of: prefork, threads, solo, gevent, eventlet");
        }

        return new WorkerPoolSettings(
            pool.Int("replicas", d.Replicas, 0, 1000),
            pool.Int("concurrency", d.Concurrency, 1, 1024),
            kind,
            pool.Int("prefetchMultiplier", d.PrefetchMultiplier, 1, 1000),
            pool.Int("maxTasksPerChild", d.MaxTasksPerChild, 1, 1_000_000));
    }
}
