using System.Globalization;
using System.Text;

namespace MultiRegion.Tests;

/// <summary>Writes a synthetic N-region AWS project (Pulumi.yaml + stacks/) for scale tests and benchmarks.</summary>
public static class GeneratedProject
{
    private static readonly string[] AwsRegions =
    [
        "us-east-1", "us-west-2", "eu-central-1", "ap-southeast-1", "us-east-2", "us-west-1", "ca-central-1", "sa-east-1",
        "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1", "eu-south-2", "eu-central-2", "ap-southeast-2",
        "ap-southeast-3", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-east-1",
        "me-south-1", "me-central-1", "il-central-1", "af-south-1", "ca-west-1", "mx-central-1", "ap-southeast-4",
    ];

    public static int MaxRegions => AwsRegions.Length;

    /// <summary>Creates the project in a new temporary folder and returns its path.</summary>
    public static string Create(int regions)
    {
        if (regions < 1 || regions > AwsRegions.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(regions), $"1 to {AwsRegions.Length}");
        }

        var dir = Path.Combine(Path.GetTempPath(), $"mr-generated-{regions}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(Path.Combine(dir, "stacks"));
        var yaml = new StringBuilder();
        yaml.Append("name: generated\nruntime: yaml\nstackConfigDir: stacks\nconfig:\n  environment: bench\n  domain: example.net\n  regions:\n    value:\n");
        for (var i = 0; i < regions; i++)
        {
            var id = AwsRegions[i];
            yaml.Append(CultureInfo.InvariantCulture, $"      - id: {id}\n        role: {(i == 0 ? "primary" : "secondary")}\n        priority: {1000 - (i * 10)}\n        cidr: 10.{i}.0.0/16\n");
            if (id.StartsWith("eu-", StringComparison.Ordinal))
            {
                yaml.Append("        compliance: [gdpr]\n");
            }

            File.WriteAllText(Path.Combine(dir, "stacks", $"Pulumi.{id}.yaml"), $"config:\n  aws:region: {id}\n");
        }

        File.WriteAllText(Path.Combine(dir, "Pulumi.yaml"), yaml.ToString());
        File.WriteAllText(Path.Combine(dir, "stacks", "Pulumi.global.yaml"), "config:\n  aws:region: us-east-1\n");
        File.WriteAllText(Path.Combine(dir, "stacks", "Pulumi.cross-region.yaml"), "config:\n  aws:region: us-east-1\n");
        return dir;
    }
}
