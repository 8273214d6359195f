using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace MultiRegion.Health.Dns.Route53;

/// <summary>Route 53 2013-04-01 XML: ChangeBatch requests (elements in the model's order) and responses.</summary>
public static class Route53Xml
{
    public static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    /// <summary>A value as Route 53 stores it: TXT quoted, names with a trailing dot.</summary>
    public static string ValueText(DnsRecordType type, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return type switch
        {
            DnsRecordType.TXT => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            DnsRecordType.CNAME => DnsName.Normalize(value),
            _ => Endpoints.RegionEndpoint.CanonicalValue(value),
        };
    }

    public static string ChangeBatch(IReadOnlyList<DnsChange> changes, string? comment)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var batch = new XElement(Ns + "ChangeBatch");
        if (!string.IsNullOrEmpty(comment))
        {
            batch.Add(new XElement(Ns + "Comment", comment.Length > 256 ? comment[..256] : comment));
        }

        batch.Add(new XElement(Ns + "Changes", changes.Select(c => new XElement(
            Ns + "Change",
            new XElement(Ns + "Action", c.Action == DnsChangeAction.Upsert ? "UPSERT" : "DELETE"),
            RecordSet(c.RecordSet)))));
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(Ns + "ChangeResourceRecordSetsRequest", batch));
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = false, Indent = false, Encoding = Encoding.UTF8 }))
        {
            document.Save(writer);
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"", StringComparison.Ordinal);
    }

    private static XElement RecordSet(DnsRecordSet set)
    {
        // Model order: Name, Type, SetIdentifier, Weight, Region, GeoLocation, Failover, MultiValueAnswer, TTL, ResourceRecords, AliasTarget, HealthCheckId.
        var element = new XElement(Ns + "ResourceRecordSet", new XElement(Ns + "Name", DnsName.Normalize(set.Name)), new XElement(Ns + "Type", set.Type.ToString()));
        if (set.SetIdentifier is not null)
        {
            element.Add(new XElement(Ns + "SetIdentifier", set.SetIdentifier));
        }

        if (set.Weight is { } weight)
        {
            element.Add(new XElement(Ns + "Weight", weight.ToString(CultureInfo.InvariantCulture)));
        }

        if (set.Region is not null)
        {
            element.Add(new XElement(Ns + "Region", set.Region));
        }

        if (set.GeoLocation is { } geo)
        {
            element.Add(new XElement(Ns + "GeoLocation", geo == "*" ? new XElement(Ns + "CountryCode", "*") : new XElement(Ns + "ContinentCode", geo)));
        }

        element.Add(new XElement(Ns + "TTL", set.Ttl.ToString(CultureInfo.InvariantCulture)));
        element.Add(new XElement(Ns + "ResourceRecords", set.Values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", ValueText(set.Type, v))))));
        return element;
    }

    /// <summary>Id and status from ChangeResourceRecordSetsResponse or GetChangeResponse.</summary>
    public static (string Id, string Status) ChangeInfo(string xml)
    {
        var info = XDocument.Parse(xml).Descendants(Ns + "ChangeInfo").FirstOrDefault()
            ?? throw new DnsProviderException("route53", "response has no ChangeInfo", "BadResponse");
        var id = info.Element(Ns + "Id")?.Value ?? string.Empty;
        return (id.StartsWith("/change/", StringComparison.Ordinal) ? id["/change/".Length..] : id, info.Element(Ns + "Status")?.Value ?? string.Empty);
    }

    /// <summary>One page of ListResourceRecordSets.</summary>
    public static Route53Page ListPage(string xml)
    {
        var root = XDocument.Parse(xml).Root ?? throw new DnsProviderException("route53", "empty ListResourceRecordSets response", "BadResponse");
        var sets = new List<Route53RecordSet>();
        foreach (var set in root.Element(Ns + "ResourceRecordSets")?.Elements(Ns + "ResourceRecordSet") ?? [])
        {
            var geo = set.Element(Ns + "GeoLocation");
            sets.Add(new Route53RecordSet(
                DecodeName(set.Element(Ns + "Name")?.Value ?? string.Empty),
                set.Element(Ns + "Type")?.Value ?? string.Empty,
                int.TryParse(set.Element(Ns + "TTL")?.Value, CultureInfo.InvariantCulture, out var ttl) ? ttl : 0,
                [.. set.Element(Ns + "ResourceRecords")?.Elements(Ns + "ResourceRecord").Select(r => r.Element(Ns + "Value")?.Value ?? string.Empty) ?? []],
                set.Element(Ns + "SetIdentifier")?.Value,
                int.TryParse(set.Element(Ns + "Weight")?.Value, CultureInfo.InvariantCulture, out var w) ? w : null,
                set.Element(Ns + "Region")?.Value,
                geo is null ? null : geo.Element(Ns + "ContinentCode")?.Value ?? geo.Element(Ns + "CountryCode")?.Value,
                set.Element(Ns + "AliasTarget") is not null));
        }

        var truncated = string.Equals(root.Element(Ns + "IsTruncated")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        return new Route53Page(
            sets,
            truncated,
            root.Element(Ns + "NextRecordName")?.Value,
            root.Element(Ns + "NextRecordType")?.Value,
            root.Element(Ns + "NextRecordIdentifier")?.Value);
    }

    /// <summary>Code and message of an error body (ErrorResponse/Error or InvalidChangeBatch/Messages).</summary>
    public static (string Code, string Message) Error(string xml)
    {
        try
        {
            var root = XDocument.Parse(xml).Root;
            if (root?.Name.LocalName == "InvalidChangeBatch")
            {
                return ("InvalidChangeBatch", string.Join("; ", root.Descendants().Where(e => e.Name.LocalName == "Message").Select(e => e.Value)));
            }

            var error = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            if (error is not null)
            {
                return (error.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value ?? "Unknown", error.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? string.Empty);
            }
        }
        catch (XmlException)
        {
        }

        return ("Unknown", xml.Length > 200 ? xml[..200] : xml);
    }

    /// <summary>Route 53 escapes some characters in names as \ooo (octal), e.g. "*" as \052.</summary>
    public static string DecodeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.Contains('\\', StringComparison.Ordinal))
        {
            return DnsName.Normalize(name);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '\\' && i + 3 < name.Length && name.Substring(i + 1, 3).All(char.IsAsciiDigit))
            {
                builder.Append((char)Convert.ToInt32(name.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                builder.Append(name[i]);
            }
        }

        return DnsName.Normalize(builder.ToString());
    }
}

/// <summary>A record set as listed by Route 53.</summary>
public sealed record Route53RecordSet(string Name, string Type, int Ttl, IReadOnlyList<string> Values, string? SetIdentifier, int? Weight, string? Region, string? GeoLocation, bool IsAlias);

/// <summary>One page of ListResourceRecordSets.</summary>
public sealed record Route53Page(IReadOnlyList<Route53RecordSet> RecordSets, bool IsTruncated, string? NextRecordName, string? NextRecordType, string? NextRecordIdentifier);
