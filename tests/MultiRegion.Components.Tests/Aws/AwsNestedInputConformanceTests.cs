using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;
using MultiRegion.Components.Graph;
using MultiRegion.Tests;

namespace MultiRegion.Components.Tests.Aws;

/// <summary>
/// Conformance below the top level: every key of every nested object the AWS components emit (launch template
/// metadata options, listener actions, CloudFront origins, replication rules…) is a field of the input type the
/// @pulumi/aws SDK declares for that position (<c>types/input.d.ts</c>). The top-level inputs and required inputs are
/// covered by the generic provider conformance test.
/// </summary>
public sealed partial class AwsNestedInputConformanceTests
{
    private const string Tarball = "pulumi-aws-7.48.0.tgz";

    private static readonly string[] OtherPolicies = ["latency", "geo", "weighted"];

    [Fact]
    public void Every_nested_key_the_components_emit_is_an_sdk_input_field()
    {
        var path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "multiregion", "npm", Tarball);
        Requires.That(File.Exists(path), $"{path} is not cached (.ci/run fetches it with npm pack)");

        // The example, plus the other routing policies' records and an adopted zone.
        var stacks = AwsTestProject.Synthesizer(AwsTestProject.Example()).BuildAll()
            .Concat(OtherPolicies.Select(p => AwsTestProject.Build(AwsTestProject.InMemory(c => c["routingPolicy"] = p), "cross-region")))
            .Append(AwsTestProject.Build(AwsTestProject.InMemory(c => c["hostedZoneId"] = "Z123"), "global"));
        var resources = stacks.SelectMany(s => s.Resources).Where(r => !r.Type.StartsWith("pulumi:", StringComparison.Ordinal)).ToArray();
        var wanted = resources.Select(r => ArgsFile(r.Type)).ToHashSet(StringComparer.Ordinal);
        var files = Read(path, name => name == "package/types/input.d.ts" || wanted.Contains(name));
        var interfaces = Interfaces(files["package/types/input.d.ts"]);

        var problems = new List<string>();
        foreach (var resource in resources)
        {
            var argsFields = ArgsFields(files[ArgsFile(resource.Type)]);
            foreach (var (key, value) in resource.Properties.Entries)
            {
                Check($"{resource.Name}.{key}", value, argsFields.GetValueOrDefault(key), interfaces, problems);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(("ec2", "LaunchTemplateMetadataOptions"), interfaces.Keys);
    }

    private static void Check(string where, Value value, string? type, Dictionary<(string, string), Dictionary<string, string>> interfaces, List<string> problems)
    {
        if (type is null)
        {
            return;
        }

        switch (value)
        {
            case ListValue list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Check($"{where}[{i}]", list.Items[i], type, interfaces, problems);
                }

                break;
            case MapValue map when NestedType().Match(type) is { Success: true } match:
                if (!interfaces.TryGetValue((match.Groups[1].Value, match.Groups[2].Value), out var fields))
                {
                    problems.Add($"{where}: input type {match.Value} not found");
                    return;
                }

                foreach (var (key, nested) in map.Entries)
                {
                    if (!fields.TryGetValue(key, out var fieldType))
                    {
                        problems.Add($"{where}: '{key}' is not a field of {match.Groups[2].Value} ({string.Join(", ", fields.Keys)})");
                    }
                    else
                    {
                        Check($"{where}.{key}", nested, fieldType, interfaces, problems);
                    }
                }

                break;
        }
    }

    /// <summary><c>aws:ec2/launchTemplate:LaunchTemplate</c> → <c>package/ec2/launchTemplate.d.ts</c>.</summary>
    private static string ArgsFile(string token)
    {
        var module = token.Split(':')[1];
        return $"package/{module}.d.ts";
    }

    private static Dictionary<string, string> ArgsFields(string declaration)
    {
        var body = ArgsInterface().Match(declaration).Groups[1].Value;
        return Fields(body);
    }

    private static Dictionary<(string, string), Dictionary<string, string>> Interfaces(string inputs)
    {
        var result = new Dictionary<(string, string), Dictionary<string, string>>();
        string? ns = null;
        (string, string)? current = null;
        var body = new List<string>();
        foreach (var line in inputs.Split('\n'))
        {
            if (Namespace().Match(line) is { Success: true } n)
            {
                ns = n.Groups[1].Value;
            }
            else if (ns is not null && Interface().Match(line) is { Success: true } i)
            {
                current = (ns, i.Groups[1].Value);
                body.Clear();
            }
            else if (current is { } key && line.StartsWith("    }", StringComparison.Ordinal))
            {
                result[key] = Fields(string.Join('\n', body));
                current = null;
            }
            else if (current is not null)
            {
                body.Add(line);
            }
        }

        return result;
    }

    private static Dictionary<string, string> Fields(string body) => Field().Matches(body)
        .GroupBy(m => m.Groups[1].Value, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Groups[2].Value, StringComparer.Ordinal);

    private static Dictionary<string, string> Read(string tarball, Func<string, bool> wanted)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is not null && wanted(entry.Name))
            {
                using var reader = new StreamReader(entry.DataStream);
                files[entry.Name] = reader.ReadToEnd();
            }
        }

        return files;
    }

    [GeneratedRegex(@"inputs\.(\w+)\.(\w+)")]
    private static partial Regex NestedType();

    [GeneratedRegex(@"export interface \w+Args \{(.*?)\n\}", RegexOptions.Singleline)]
    private static partial Regex ArgsInterface();

    [GeneratedRegex(@"^export declare namespace (\w+) \{")]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^    interface (\w+) \{")]
    private static partial Regex Interface();

    [GeneratedRegex(@"^\s+(\w+)\??: (.*);\r?$", RegexOptions.Multiline)]
    private static partial Regex Field();
}
