using MultiRegion.Components.Graph;

namespace MultiRegion.Components.Aws.Dns;

/// <summary>
/// An ACM certificate validated through DNS in a Route 53 zone: the certificate, one validation CNAME per distinct
/// validation name (<c>${cert.domainValidationOptions[i].resourceRecordName}</c>; the set has no stable order, so each
/// index is simply one of the distinct records), and the <c>CertificateValidation</c> that waits until ACM has issued it.
/// Consumers use <see cref="ValidatedArn"/> so a listener or distribution never gets an unissued certificate.
/// ACM gives the same validation record to every certificate of the account that names the same domain (the
/// service-name SAN is on every regional certificate), so the records overwrite each other harmlessly and are
/// retained on delete: destroying one region must not remove a record another region's certificate renews with.
/// The certificate's region is its provider's: us-east-1 for CloudFront, the region itself for a load balancer.
/// </summary>
public sealed class DnsValidatedCertificate : Component
{
    public DnsValidatedCertificate(IConstruct scope, string name, DnsValidatedCertificateArgs args)
        : base(scope, name)
    {
        ArgumentNullException.ThrowIfNull(args);
        Certificate = Resource("certificate", AwsTypes.Certificate, Value.Map(
            ("domainName", args.DomainName),
            ("subjectAlternativeNames", args.SubjectAlternativeNames.Count == 0 ? null : Value.List(args.SubjectAlternativeNames)),
            ("validationMethod", "DNS"),
            ("keyAlgorithm", args.KeyAlgorithm)));

        var fqdns = new List<Value>();
        for (var i = 0; i < args.ValidationRecordCount; i++)
        {
            var option = $"domainValidationOptions[{i}]";
            var record = Resource($"validation{i}", AwsTypes.Record, Value.Map(
                ("zoneId", args.ZoneId),
                ("name", Certificate.Output($"{option}.resourceRecordName")),
                ("type", Certificate.Output($"{option}.resourceRecordType")),
                ("records", Value.List(Certificate.Output($"{option}.resourceRecordValue"))),
                ("ttl", args.ValidationRecordTtl),
                ("allowOverwrite", true)),
                new ResourceOptions { RetainOnDelete = args.RetainValidationRecords });
            fqdns.Add(record.Output("fqdn"));
        }

        Validation = Resource("validation", AwsTypes.CertificateValidation, Value.Map(
            ("certificateArn", Certificate.Output("arn")),
            ("validationRecordFqdns", Value.List(fqdns))));
    }

    public Resource Certificate { get; }

    public Resource Validation { get; }

    /// <summary>The certificate ARN, available only once the certificate is issued.</summary>
    public Value ValidatedArn => Validation.Output("certificateArn");
}
