using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Gcp.Security;

/// <summary>
/// Lets a Google service agent use a Cloud KMS key (<c>roles/cloudkms.cryptoKeyEncrypterDecrypter</c> on that key
/// only): customer-managed encryption fails at creation without it, so resources that use the key depend on
/// <see cref="Binding"/>.
/// </summary>
public sealed class CmekGrant : Component
{
    public const string Role = "roles/cloudkms.cryptoKeyEncrypterDecrypter";

    public CmekGrant(IConstruct scope, string name, string kmsKeyName, Value serviceAgentEmail)
        : base(scope, name)
    {
        Binding = Resource("binding", GcpTypes.CryptoKeyIamMember, Value.Map(
            ("cryptoKeyId", kmsKeyName),
            ("role", Role),
            ("member", InterpolatedValue.Of("serviceAccount:", serviceAgentEmail))));
    }

    public Resource Binding { get; }
}
