using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Gcp.Compute;

/// <summary>
/// The regional fleet: a dedicated service account, a Shielded-VM instance template without public addresses
/// (OS Login only), a regional managed instance group spread over the region's zones with an autohealing health
/// check, and a CPU autoscaler between the region's min and max sizes.
/// </summary>
public sealed class GcpInstanceGroup : Component
{
    public GcpInstanceGroup(IConstruct scope, string name, GcpInstanceGroupArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        ServiceAccount = Resource("serviceAccount", GcpTypes.ServiceAccount, Value.Map(
            ("accountId", GcpNames.Of(args.NamePrefix, "vm", maxLength: 30)),
            ("displayName", $"{args.NamePrefix} instances"),
            ("description", "Identity of the regional instances; grant it only what the service needs")));

        Template = Resource("template", GcpTypes.InstanceTemplate, Value.Map(
            ("namePrefix", GcpNames.Of(args.NamePrefix, "tpl-", maxLength: 37) + "-"),
            ("description", $"{args.NamePrefix}: application instances"),
            ("machineType", args.MachineType),
            ("region", args.Region),
            ("canIpForward", false),
            ("tags", Value.List(args.NetworkTag)),
            ("labels", MapValue.Of(args.Labels)),
            ("disks", Value.List(Value.Map(
                ("boot", true),
                ("autoDelete", true),
                ("sourceImage", args.SourceImage),
                ("diskType", "pd-balanced"),
                ("diskSizeGb", args.DiskSizeGb)))),
            // No accessConfigs: the instances get no external address; egress goes through Cloud NAT.
            ("networkInterfaces", Value.List(Value.Map(("subnetwork", args.Subnetwork)))),
            ("shieldedInstanceConfig", Value.Map(
                ("enableSecureBoot", true),
                ("enableVtpm", true),
                ("enableIntegrityMonitoring", true))),
            ("metadata", Value.Map(
                ("enable-oslogin", "TRUE"),
                ("block-project-ssh-keys", "TRUE"),
                ("serial-port-enable", "FALSE"))),
            ("metadataStartupScript", OptionalValue.Of(args.StartupScript)),
            ("serviceAccount", Value.Map(
                ("email", ServiceAccount.Output("email")),
                ("scopes", Value.List("cloud-platform")))),
            ("scheduling", Value.Map(("automaticRestart", true), ("onHostMaintenance", "MIGRATE")))));

        AutohealingCheck = Resource("autohealingCheck", GcpTypes.HealthCheck, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "autoheal")),
            ("description", "Replaces instances that stop answering (more tolerant than the load balancer's check)"),
            ("checkIntervalSec", 10),
            ("timeoutSec", 5),
            ("healthyThreshold", 2),
            ("unhealthyThreshold", 5),
            ("httpsHealthCheck", Value.Map(("port", args.AppPort), ("requestPath", args.HealthPath))),
            ("logConfig", Value.Map(("enable", true)))));

        Group = Resource("group", GcpTypes.RegionInstanceGroupManager, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "mig")),
            ("baseInstanceName", GcpNames.Of(args.NamePrefix, "app", maxLength: 50)),
            ("region", args.Region),
            ("versions", Value.List(Value.Map(("name", "primary"), ("instanceTemplate", Template.Output("selfLinkUnique"))))),
            ("namedPorts", Value.List(Value.Map(("name", "https"), ("port", args.AppPort)))),
            ("autoHealingPolicies", Value.Map(
                ("healthCheck", AutohealingCheck.Output("id")),
                ("initialDelaySec", args.AutohealingDelaySeconds))),
            ("updatePolicy", Value.Map(
                ("type", "PROACTIVE"),
                ("minimalAction", "REPLACE"),
                ("maxSurgeFixed", 3),
                ("maxUnavailableFixed", 0),
                ("replacementMethod", "SUBSTITUTE")))));

        Autoscaler = Resource("autoscaler", GcpTypes.RegionAutoscaler, Value.Map(
            ("name", GcpNames.Of(args.NamePrefix, "autoscaler")),
            ("region", args.Region),
            ("target", Group.Output("id")),
            ("autoscalingPolicy", Value.Map(
                ("minReplicas", args.MinSize),
                ("maxReplicas", args.MaxSize),
                ("cooldownPeriod", 120),
                ("cpuUtilization", Value.Map(("target", args.TargetCpuUtilization)))))));
    }

    public Resource ServiceAccount { get; }

    public Resource Template { get; }

    public Resource AutohealingCheck { get; }

    public Resource Group { get; }

    public Resource Autoscaler { get; }
}
