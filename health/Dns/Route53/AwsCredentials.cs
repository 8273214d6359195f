namespace MultiRegion.Health.Dns.Route53;

/// <summary>AWS access key, secret and optional session token. <see cref="ToString"/> never shows the secret or token.</summary>
public sealed class AwsCredentials
{
    public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null)
    {
        if (string.IsNullOrWhiteSpace(accessKeyId))
        {
            throw new HealthConfigurationException("AWS access key id: empty");
        }

        if (string.IsNullOrEmpty(secretAccessKey))
        {
            throw new HealthConfigurationException($"AWS secret access key for '{accessKeyId}': empty");
        }

        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
    }

    public string AccessKeyId { get; }

    internal string SecretAccessKey { get; }

    internal string? SessionToken { get; }

    public override string ToString() => $"{AccessKeyId} (secret hidden{(SessionToken is null ? string.Empty : ", session token")})";
}

/// <summary>Where credentials come from (resolved per request, so refreshing sources keep working).</summary>
public interface IAwsCredentialSource
{
    ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken);
}

/// <summary>Fixed credentials.</summary>
public sealed class StaticAwsCredentialSource(AwsCredentials credentials) : IAwsCredentialSource
{
    public ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}

/// <summary>
/// The AWS SDK default chain (environment, shared profile files, SSO, container and instance roles) via
/// AWSSDK.Core's <c>DefaultAWSCredentialsIdentityResolver</c>.
/// </summary>
public sealed class DefaultAwsCredentialSource : IAwsCredentialSource
{
    public async ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken)
    {
        Amazon.Runtime.ImmutableCredentials resolved;
        try
        {
            var credentials = await Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().ConfigureAwait(false);
            resolved = await credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Amazon.Runtime.AmazonClientException ex)
        {
            throw new DnsProviderException("route53", "no AWS credentials found in the default chain (environment, profile, SSO, instance role): " + ex.Message, "NoCredentials", innerException: ex);
        }

        return new AwsCredentials(resolved.AccessKey, resolved.SecretKey, resolved.Token);
    }
}
