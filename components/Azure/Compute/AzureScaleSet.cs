using System.Globalization;
using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Azure.Compute;

/// <summary>
/// The regional fleet: a uniform virtual machine scale set in the application subnet, registered in the load
/// balancer's backend pool and judged by its health probe (rolling upgrades and automatic repairs use it), plus an
/// autoscale setting on CPU.
/// </summary>
public sealed class AzureScaleSet : Component
{
    public AzureScaleSet(IConstruct scope, string name, AzureScaleSetArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        var tags = MapValue.Of(args.Tags);
        ScaleSet = Resource("scaleSet", AzureTypes.VirtualMachineScaleSet, Value.Map(
            ("vmScaleSetName", AzureNames.Of(args.NamePrefix, "vmss")),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", args.Location),
            ("orchestrationMode", "Uniform"),
            ("overprovision", false),
            ("zones", args.Zones.Count == 0 ? null : Value.List(args.Zones)),
            ("zoneBalance", args.Zones.Count > 1 ? (Value)true : null),
            ("sku", Value.Map(("name", args.VmSize), ("tier", "Standard"), ("capacity", args.DesiredSize))),
            ("upgradePolicy", Value.Map(
                ("mode", "Rolling"),
                ("rollingUpgradePolicy", Value.Map(
                    ("maxBatchInstancePercent", 20),
                    ("maxUnhealthyInstancePercent", 20),
                    ("maxUnhealthyUpgradedInstancePercent", 20),
                    ("pauseTimeBetweenBatches", "PT0S"))),
                ("automaticOSUpgradePolicy", Value.Map(
                    ("enableAutomaticOSUpgrade", true),
                    ("disableAutomaticRollback", false))))),
            ("automaticRepairsPolicy", Value.Map(("enabled", true), ("gracePeriod", "PT10M"))),
            ("virtualMachineProfile", Value.Map(
                ("osProfile", Value.Map(
                    ("computerNamePrefix", "app"),
                    ("adminUsername", args.AdminUsername),
                    ("linuxConfiguration", Value.Map(
                        ("disablePasswordAuthentication", true),
                        ("provisionVMAgent", true),
                        ("ssh", Value.Map(("publicKeys", Value.List(Value.Map(
                            ("path", $"/home/{args.AdminUsername}/.ssh/authorized_keys"),
                            ("keyData", args.SshPublicKey)))))))))),
                ("storageProfile", Value.Map(
                    ("imageReference", Value.Map(
                        ("publisher", args.ImagePublisher),
                        ("offer", args.ImageOffer),
                        ("sku", args.ImageSku),
                        ("version", "latest"))),
                    ("osDisk", Value.Map(
                        ("createOption", "FromImage"),
                        ("caching", "ReadWrite"),
                        ("managedDisk", Value.Map(("storageAccountType", "Premium_LRS"))))))),
                ("networkProfile", Value.Map(
                    ("healthProbe", Value.Map(("id", args.HealthProbeId))),
                    ("networkInterfaceConfigurations", Value.List(Value.Map(
                        ("name", "nic"),
                        ("primary", true),
                        ("enableIPForwarding", false),
                        ("ipConfigurations", Value.List(Value.Map(
                            ("name", "ipconfig"),
                            ("primary", true),
                            ("subnet", Value.Map(("id", args.SubnetId))),
                            ("loadBalancerBackendAddressPools", Value.List(Value.Map(("id", args.BackendPoolId)))))))))))),
                ("securityProfile", Value.Map(
                    ("securityType", "TrustedLaunch"),
                    ("uefiSettings", Value.Map(("secureBootEnabled", true), ("vTpmEnabled", true))))),
                ("diagnosticsProfile", Value.Map(("bootDiagnostics", Value.Map(("enabled", true))))))),
            ("tags", tags)),
            // The autoscale setting owns the instance count once the scale set exists.
            new ResourceOptions { IgnoreChanges = ["sku.capacity"] });

        Value Rule(string direction, string op, double threshold) => Value.Map(
            ("metricTrigger", Value.Map(
                ("metricName", "Percentage CPU"),
                ("metricNamespace", "microsoft.compute/virtualmachinescalesets"),
                ("metricResourceUri", ScaleSet.Output("id")),
                ("operator", op),
                ("statistic", "Average"),
                ("threshold", threshold),
                ("timeAggregation", "Average"),
                ("timeGrain", "PT1M"),
                ("timeWindow", "PT5M"))),
            ("scaleAction", Value.Map(
                ("direction", direction),
                ("type", "ChangeCount"),
                ("value", "1"),
                ("cooldown", "PT5M"))));

        Autoscale = Resource("autoscale", AzureTypes.AutoscaleSetting, Value.Map(
            ("autoscaleSettingName", AzureNames.Of(args.NamePrefix, "autoscale")),
            ("resourceGroupName", args.ResourceGroupName),
            ("location", args.Location),
            ("enabled", true),
            ("targetResourceUri", ScaleSet.Output("id")),
            ("profiles", Value.List(Value.Map(
                ("name", "cpu"),
                ("capacity", Value.Map(
                    ("minimum", args.MinSize.ToString(CultureInfo.InvariantCulture)),
                    ("maximum", args.MaxSize.ToString(CultureInfo.InvariantCulture)),
                    ("default", args.DesiredSize.ToString(CultureInfo.InvariantCulture)))),
                ("rules", Value.List(
                    Rule("Increase", "GreaterThan", args.ScaleOutCpuPercent),
                    Rule("Decrease", "LessThan", args.ScaleInCpuPercent)))))),
            ("tags", tags)));
    }

    public Resource ScaleSet { get; }

    public Resource Autoscale { get; }
}
