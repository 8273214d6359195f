using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using MultiRegion.Components.Configuration;
using MultiRegion.Components.Topology;
using MultiRegion.Health;
using MultiRegion.Health.Dns;
using MultiRegion.Health.Dns.Embedded;
using MultiRegion.Health.Endpoints;
using MultiRegion.Health.History;
using MultiRegion.Health.Observability;
using MultiRegion.Health.Probing;
using MultiRegion.Health.Regions;
using MultiRegion.Health.Routing;
using MultiRegion.Infra.Cli;
using DnsName = MultiRegion.Health.Dns.DnsName;
using HealthPolicyKind = MultiRegion.Health.Endpoints.RoutingPolicyKind;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// The local "cloud" the sandbox target deploys into. The global stack starts the embedded DNS server for the zone;
/// each regional stack starts its stand-in load balancer (a loopback HTTP endpoint) and publishes the region's host
/// name; the cross-region stack creates the service record through the embedded provider and the health checker that
/// drives it. Everything crosses real sockets on loopback.
/// </summary>
public sealed class SandboxHost : ISandboxControl, ISandboxStacks, IAsyncDisposable
{
    /// <summary>The owner id written in the ownership marker of the records the sandbox's checker manages.</summary>
    public const string OwnerId = "multiregion-sandbox";

    private readonly ConcurrentDictionary<string, RegionalEndpoint> endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> deployed = new(StringComparer.Ordinal);
    private readonly EmbeddedZoneStore store = new();
    private readonly IDnsProvider provider;
    private readonly Lock gate = new();
    private EmbeddedDnsServer? dns;
    private HealthChecker? checker;
    private HttpHealthProbe? probe;
    private ServiceDefinition? service;
    private CancellationTokenSource? watching;
    private Task? watchLoop;

    public SandboxHost(ProjectModel project, SandboxSettings settings, HealthHistory? history = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(settings);
        Project = project;
        Settings = settings;
        History = history;
        Time = timeProvider ?? TimeProvider.System;
        Addresses = LoopbackAddressPlan.Detect(settings.SharedLoopbackAddress);
        if (settings.ExternalDns is { } external)
        {
            if (!Addresses.DistinctAddresses)
            {
                throw new CommandFailedException("--dns-provider: a real DNS server needs one loopback address per region (A records); this machine only has 127.0.0.1 (or --shared-address was given)", ExitCodes.Usage);
            }

            try
            {
                provider = external.ProviderSettings(OwnerId).CreateProvider(timeProvider: timeProvider);
            }
            catch (HealthConfigurationException ex)
            {
                throw new CommandFailedException($"--dns-provider {external.Provider}: {ex.Message}", ExitCodes.Usage);
            }
        }
        else
        {
            provider = new EmbeddedDnsProvider(store, OwnerId);
        }

        Zone = DnsName.Normalize(project.Topology.Global.Domain);
        ServiceName = DnsName.Normalize(project.Topology.Global.ServiceFqdn);

        // The zone's data exists from the start, so a regional stack planned in the same wave as the global one can
        // publish its host name; the global stack is what serves the zone (the DNS server).
        store.AddZone(Zone);
    }

    public ProjectModel Project { get; }

    public DeploymentTopology Topology => Project.Topology;

    public SandboxSettings Settings { get; }

    public HealthHistory? History { get; }

    public TimeProvider Time { get; }

    public LoopbackAddressPlan Addresses { get; }

    public SandboxEventLog Events { get; } = new();

    /// <summary>The checker's Prometheus metrics (the control endpoint serves them at <c>/metrics</c>).</summary>
    public HealthMetrics Metrics { get; } = new();

    public string Zone { get; }

    public string ServiceName { get; }

    /// <summary>The DNS server's endpoint once the global stack is deployed.</summary>
    public IPEndPoint? DnsEndPoint => Settings.ExternalDns is { } external ? (deployed.ContainsKey(StackNames.Global) ? external.QueryServer : null) : dns?.EndPoint;

    /// <summary>The provider that writes the service record (embedded, or the real server's).</summary>
    public string ProviderName => provider.Name;

    public IReadOnlyCollection<RegionalEndpoint> Endpoints => [.. Topology.Regions.Where(r => endpoints.ContainsKey(r.Id)).Select(r => endpoints[r.Id])];

    public HealthChecker? Checker => checker;

    public ServiceDefinition? Service => service;

    public IReadOnlyList<string> DeployedStacks => [.. deployed.Keys.Order(StringComparer.Ordinal)];

    public bool IsWatching => watchLoop is not null;

    public RegionalEndpoint Endpoint(string regionId) =>
        endpoints.TryGetValue(regionId, out var endpoint)
            ? endpoint
            : throw new CommandFailedException($"region '{regionId}' is not deployed in the sandbox; regions: {string.Join(", ", endpoints.Keys.Order(StringComparer.Ordinal))}");

    /// <summary>Creates the sandbox resources of one stack; returns a one-line summary.</summary>
    public async Task<string> DeployStackAsync(string stack, CancellationToken cancellationToken = default)
    {
        var summary = stack switch
        {
            StackNames.Global => DeployGlobal(),
            StackNames.CrossRegion => await DeployCrossRegionAsync(cancellationToken).ConfigureAwait(false),
            _ => DeployRegion(stack),
        };
        deployed[stack] = true;
        return summary;
    }

    /// <summary>Removes the sandbox resources of one stack; returns a one-line summary.</summary>
    public async Task<string> DestroyStackAsync(string stack, CancellationToken cancellationToken = default)
    {
        if (!deployed.TryRemove(stack, out _))
        {
            return "nothing deployed";
        }

        switch (stack)
        {
            case StackNames.Global:
                if (Settings.ExternalDns is not null)
                {
                    return $"nothing to stop (the zone is served by {Settings.ExternalDns.QueryServer})";
                }

                dns?.Dispose();
                dns = null;
                return "DNS server stopped";
            case StackNames.CrossRegion:
                await StopWatchingAsync().ConfigureAwait(false);
                if (DnsEndPoint is not null && service is not null)
                {
                    var current = await provider.ReadAsync(Zone, ServiceName, cancellationToken).ConfigureAwait(false);
                    var changes = DnsChangeSet.Between(Zone, ServiceName, current, [], "sandbox destroy");
                    await provider.ApplyAsync(changes, cancellationToken).ConfigureAwait(false);
                    if (Settings.ExternalDns is null)
                    {
                        // The ownership marker goes too (a real server keeps it: the next run owns the name again).
                        var marker = store.Get(Zone).At(DnsName.OwnershipName(ServiceName));
                        store.Apply(Zone, [.. marker.Select(m => new DnsChange(DnsChangeAction.Delete, m))]);
                    }
                }

                checker?.Dispose();
                checker = null;
                probe?.Dispose();
                probe = null;
                service = null;
                return $"service record {ServiceName} and checker removed";
            default:
                if (endpoints.TryRemove(stack, out var endpoint))
                {
                    await endpoint.DisposeAsync().ConfigureAwait(false);
                    store.Apply(Zone, [.. store.Get(Zone).At(endpoint.HostName).Select(s => new DnsChange(DnsChangeAction.Delete, s))]);

                    return $"endpoint {endpoint.Address}:{endpoint.Port} stopped";
                }

                return "nothing deployed";
        }
    }

    /// <summary>The post-deploy health check: one checker cycle, which sets the failover records.</summary>
    public async Task<CheckCycleResult> RunPostDeployCheckAsync(CancellationToken cancellationToken = default) =>
        await RequireChecker().RunOnceAsync(false, cancellationToken).ConfigureAwait(false);

    Task ISandboxStacks.PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task<string> ISandboxStacks.DeployStackAsync(string stack, CancellationToken cancellationToken) => DeployStackAsync(stack, cancellationToken);

    Task<string> ISandboxStacks.DestroyStackAsync(string stack, CancellationToken cancellationToken) => DestroyStackAsync(stack, cancellationToken);

    Task<IReadOnlyList<string>> ISandboxStacks.DeployedStacksAsync(CancellationToken cancellationToken) => Task.FromResult(DeployedStacks);

    /// <summary>The post-deploy check, then the checker keeps running every interval (watch mode).</summary>
    public async Task<string> PostDeployCheckAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunPostDeployCheckAsync(cancellationToken).ConfigureAwait(false);
        StartWatching();
        var answer = string.Join(", ", (checker!.Snapshot.Answer).Select(a => a.ToString()));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"post-deploy check: {result.Outcome}{(result.Decision is null ? string.Empty : "; " + result.Decision.Reason)}{(result.Error is null ? string.Empty : "; " + result.Error)}; answer {answer}; checker watching every {Settings.Interval.TotalMilliseconds:0} ms");
    }

    /// <summary>Runs the checker every interval in the background (watch mode) until <see cref="StopWatchingAsync"/>.</summary>
    public void StartWatching()
    {
        var active = RequireChecker();
        lock (gate)
        {
            if (watchLoop is not null)
            {
                return;
            }

            watching = new CancellationTokenSource();
            var token = watching.Token;
            watchLoop = Task.Run(() => active.RunAsync(token), CancellationToken.None);
        }
    }

    public async Task StopWatchingAsync()
    {
        Task? loop;
        CancellationTokenSource? cts;
        lock (gate)
        {
            loop = watchLoop;
            cts = watching;
            watchLoop = null;
            watching = null;
        }

        if (cts is null)
        {
            return;
        }

        await cts.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        cts.Dispose();
    }

    /// <summary>Waits until every enabled region is healthy and the answer is what the policy wants for all-healthy.</summary>
    public async Task<bool> WaitUntilSettledAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Time.GetUtcNow() + timeout;
        while (Time.GetUtcNow() < deadline)
        {
            var status = await StatusAsync(cancellationToken).ConfigureAwait(false);
            if (status.Regions.Count > 0 && status.Regions.All(r => r.Health == nameof(RegionHealth.Healthy)) && status.ActiveRegions.Count > 0
                && status.ActiveRegions.SequenceEqual(ExpectedActiveWhenAllHealthy(), StringComparer.Ordinal))
            {
                return true;
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    public Task<SandboxStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = checker?.Snapshot;
        var health = snapshot?.Regions.ToDictionary(r => r.RegionId, r => r.Drained ? $"{r.Health} (drained)" : r.Health.ToString(), StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var active = snapshot?.ActiveRegions ?? [];
        var regions = Endpoints.Select(e => new SandboxRegionStatus(
            e.RegionId,
            e.Region.Priority,
            e.Target,
            e.Address.ToString(),
            e.Port,
            e.Url.ToString(),
            e.HealthUrl.ToString(),
            e.Condition,
            health.GetValueOrDefault(e.RegionId, checker is null ? "unchecked" : nameof(RegionHealth.Healthy)),
            active.Contains(e.RegionId, StringComparer.Ordinal))).ToList();
        var answer = snapshot?.Answer.SelectMany(a => a.NormalizedValues()).ToList() ?? [];
        return Task.FromResult(new SandboxStatus(
            ServiceName,
            Zone,
            Topology.Global.RoutingPolicy.ToString().ToLowerInvariant(),
            (DnsEndPoint?.Address ?? IPAddress.Loopback).ToString(),
            DnsEndPoint?.Port ?? 0,
            Addresses.DistinctAddresses,
            Settings.Interval.TotalMilliseconds,
            Settings.FailureThreshold,
            Settings.SuccessThreshold,
            Settings.MinimumDwell.TotalMilliseconds,
            DeployedStacks,
            regions,
            active,
            answer,
            snapshot?.LastError,
            History?.Path));
    }

    public async Task FailAsync(string regionId, EndpointFailureMode mode, CancellationToken cancellationToken = default)
    {
        var endpoint = Endpoint(regionId);
        await endpoint.FailAsync(mode).ConfigureAwait(false);
        Events.Add("fail", endpoint.RegionId, null, null, mode == EndpointFailureMode.Stop ? "endpoint stopped" : "endpoint answers 503", Time.GetUtcNow());
    }

    public Task RestoreAsync(string regionId, CancellationToken cancellationToken = default)
    {
        var endpoint = Endpoint(regionId);
        endpoint.Restore();
        Events.Add("restore", endpoint.RegionId, null, null, "endpoint serving", Time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SandboxEvent>> EventsAfterAsync(long sequence, CancellationToken cancellationToken = default) =>
        Task.FromResult(Events.After(sequence));

    public async ValueTask DisposeAsync()
    {
        await StopWatchingAsync().ConfigureAwait(false);
        foreach (var endpoint in endpoints.Values)
        {
            await endpoint.DisposeAsync().ConfigureAwait(false);
        }

        endpoints.Clear();
        checker?.Dispose();
        probe?.Dispose();
        dns?.Dispose();
        dns = null;
    }

    /// <summary>The regions the policy serves when every region is healthy (what a settled sandbox answers).</summary>
    public IReadOnlyList<string> ExpectedActiveWhenAllHealthy()
    {
        var definition = service ?? BuildService();
        var statuses = definition.Endpoints.Select(e => new RegionStatus(e, RegionHealth.Healthy)).ToList();
        return RoutingPolicies.Create(definition.Policy).Decide(new RoutingContext(definition.Service, definition.Ttl, statuses, [])).ActiveRegions;
    }

    private string DeployGlobal()
    {
        if (Settings.ExternalDns is { } external)
        {
            return $"zone {Zone} served by a real DNS server at {external.QueryServer}; the service record is written through the {provider.Name} provider";
        }

        lock (gate)
        {
            if (dns is null)
            {
                dns = EmbeddedDnsServer.Start(store, IPAddress.Loopback, Settings.DnsPort);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"zone {Zone} served by the embedded DNS server on {dns.EndPoint} (UDP+TCP)");
    }

    private string DeployRegion(string stack)
    {
        var region = Topology.Find(stack) ?? throw new CommandFailedException($"'{stack}' is not a region of this deployment");

        var index = Topology.Regions.ToList().IndexOf(region);
        var address = Addresses.AddressFor(index);
        var hostName = LoopbackAddressPlan.HostNameFor(region.Id, Zone);
        var endpoint = endpoints.GetOrAdd(region.Id, _ => new RegionalEndpoint(region, address, Addresses.TargetFor(region.Id, Zone, address), hostName));
        endpoint.Start();
        if (Settings.ExternalDns is not null)
        {
            return $"load balancer stand-in {endpoint.Url} (target {endpoint.Target})";
        }

        store.Apply(Zone, [new DnsChange(DnsChangeAction.Upsert, new DnsRecordSet(hostName, DnsRecordType.A, Settings.Ttl, [address.ToString()]))]);
        return $"load balancer stand-in {endpoint.Url} ({hostName} A {address})";
    }

    private async Task<string> DeployCrossRegionAsync(CancellationToken cancellationToken)
    {
        if (DnsEndPoint is null)
        {
            throw new CommandFailedException($"{StackNames.CrossRegion}: the global stack is not deployed");
        }

        var missing = Topology.Regions.Where(r => !endpoints.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        if (missing.Count > 0)
        {
            throw new CommandFailedException($"{StackNames.CrossRegion}: regional stacks not deployed: {string.Join(", ", missing)}");
        }

        service = BuildService();
        var policy = RoutingPolicies.Create(service.Policy);
        var current = await provider.ReadAsync(Zone, ServiceName, cancellationToken).ConfigureAwait(false);
        var created = "kept";
        if (current.Count == 0)
        {
            var statuses = service.Endpoints.Select(e => new RegionStatus(e, RegionHealth.Healthy)).ToList();
            var decision = policy.Decide(new RoutingContext(service.Service, service.Ttl, statuses, []));
            var records = provider.SupportsRoutingPolicies ? decision.Records : RecordSetFlattener.Flatten(decision.Records);
            await provider.ApplyAsync(DnsChangeSet.Between(Zone, ServiceName, [], records, "sandbox cross-region: initial service records"), cancellationToken).ConfigureAwait(false);
            created = "created";
        }

        if (checker is null)
        {
            var options = Settings.ToHealthCheckOptions();
            probe = new HttpHealthProbe(options, Time);
            checker = new HealthChecker(service, options, probe, provider, History, Time, policy);
            checker.AddObserver(Events);
            checker.AddObserver(Metrics);
        }

        var answer = string.Join(", ", (await provider.ReadAsync(Zone, ServiceName, cancellationToken).ConfigureAwait(false)).Select(r => r.ToString()));
        return $"service record {created} ({policy.Name}): {answer}";
    }

    private ServiceDefinition BuildService()
    {
        var endpointList = Topology.Regions
            .Where(r => endpoints.ContainsKey(r.Id))
            .Select(r =>
            {
                var e = endpoints[r.Id];
                return new RegionEndpoint(r.Id, e.HealthUrl, e.Target, r.Priority, Math.Clamp(r.Weight, 0, 255), r.Enabled);
            })
            .ToList();
        var policy = Enum.Parse<HealthPolicyKind>(Topology.Global.RoutingPolicy.ToString(), ignoreCase: true);
        if (policy == HealthPolicyKind.Geo)
        {
            // The sandbox has no client geography: serve like failover (one answer).
            policy = HealthPolicyKind.Failover;
        }

        return new ServiceDefinition(ServiceName, Zone, Settings.Ttl, policy, endpointList);
    }

    private HealthChecker RequireChecker() =>
        checker ?? throw new CommandFailedException($"the {StackNames.CrossRegion} stack is not deployed: no service record and no checker yet");
}
