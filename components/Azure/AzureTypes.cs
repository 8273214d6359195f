namespace MultiRegion.Components.Azure;

/// <summary>The <c>@pulumi/azure-native</c> (v3) type tokens the components declare (checked by the conformance test).</summary>
public static class AzureTypes
{
    public const string Package = "azure-native";
    public const string Provider = "pulumi:providers:azure-native";
    public const string ResourceGroup = "azure-native:resources:ResourceGroup";
    public const string VirtualNetwork = "azure-native:network:VirtualNetwork";
    public const string Subnet = "azure-native:network:Subnet";
    public const string NetworkSecurityGroup = "azure-native:network:NetworkSecurityGroup";
    public const string PublicIpAddress = "azure-native:network:PublicIPAddress";
    public const string NatGateway = "azure-native:network:NatGateway";
    public const string LoadBalancer = "azure-native:network:LoadBalancer";
    public const string PrivateEndpoint = "azure-native:network:PrivateEndpoint";
    public const string PrivateDnsZoneGroup = "azure-native:network:PrivateDnsZoneGroup";
    public const string PrivateDnsZone = "azure-native:privatedns:PrivateZone";
    public const string PrivateDnsVirtualNetworkLink = "azure-native:privatedns:VirtualNetworkLink";
    public const string VirtualMachineScaleSet = "azure-native:compute:VirtualMachineScaleSet";
    public const string AutoscaleSetting = "azure-native:monitor:AutoscaleSetting";
    public const string StorageAccount = "azure-native:storage:StorageAccount";
    public const string BlobServiceProperties = "azure-native:storage:BlobServiceProperties";
    public const string SqlServer = "azure-native:sql:Server";
    public const string SqlDatabase = "azure-native:sql:Database";
    public const string SqlFailoverGroup = "azure-native:sql:FailoverGroup";
    public const string DnsZone = "azure-native:dns:Zone";
    public const string DnsRecordSet = "azure-native:dns:RecordSet";
    public const string TrafficManagerProfile = "azure-native:trafficmanager:Profile";
    public const string TrafficManagerEndpoint = "azure-native:trafficmanager:Endpoint";
}
