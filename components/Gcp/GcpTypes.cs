namespace MultiRegion.Components.Gcp;

/// <summary>The <c>@pulumi/gcp</c> (v9) type tokens the components declare (checked by the conformance test).</summary>
public static class GcpTypes
{
    public const string Package = "gcp";
    public const string Provider = "pulumi:providers:gcp";
    public const string Network = "gcp:compute/network:Network";
    public const string Subnetwork = "gcp:compute/subnetwork:Subnetwork";
    public const string Router = "gcp:compute/router:Router";
    public const string RouterNat = "gcp:compute/routerNat:RouterNat";
    public const string Firewall = "gcp:compute/firewall:Firewall";
    public const string ServiceAccount = "gcp:serviceaccount/account:Account";
    public const string InstanceTemplate = "gcp:compute/instanceTemplate:InstanceTemplate";
    public const string RegionInstanceGroupManager = "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager";
    public const string RegionAutoscaler = "gcp:compute/regionAutoscaler:RegionAutoscaler";
    public const string HealthCheck = "gcp:compute/healthCheck:HealthCheck";
    public const string BackendService = "gcp:compute/backendService:BackendService";
    public const string UrlMap = "gcp:compute/uRLMap:URLMap";
    public const string SslPolicy = "gcp:compute/sSLPolicy:SSLPolicy";
    public const string ManagedSslCertificate = "gcp:compute/managedSslCertificate:ManagedSslCertificate";
    public const string TargetHttpsProxy = "gcp:compute/targetHttpsProxy:TargetHttpsProxy";
    public const string GlobalAddress = "gcp:compute/globalAddress:GlobalAddress";
    public const string GlobalForwardingRule = "gcp:compute/globalForwardingRule:GlobalForwardingRule";
    public const string Address = "gcp:compute/address:Address";
    public const string ForwardingRule = "gcp:compute/forwardingRule:ForwardingRule";
    public const string SqlDatabaseInstance = "gcp:sql/databaseInstance:DatabaseInstance";
    public const string Bucket = "gcp:storage/bucket:Bucket";
    public const string CryptoKeyIamMember = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember";
    public const string ServiceIdentity = "gcp:projects/serviceIdentity:ServiceIdentity";
    public const string GetStorageServiceAccount = "gcp:storage/getProjectServiceAccount:getProjectServiceAccount";
    public const string ManagedZone = "gcp:dns/managedZone:ManagedZone";
    public const string RecordSet = "gcp:dns/recordSet:RecordSet";
    public const string NetworkPeering = "gcp:compute/networkPeering:NetworkPeering";
}
