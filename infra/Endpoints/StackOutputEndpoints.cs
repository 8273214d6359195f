using System.Diagnostics;
using System.Text.Json;
using MultiRegion.Components.Configuration;
using MultiRegion.Components.Stacks;
using MultiRegion.Infra.Cli;

namespace MultiRegion.Infra.Endpoints;

/// <summary>
/// Reads each regional stack's <see cref="RegionalOutputs.HealthUrl"/> and <see cref="RegionalOutputs.Endpoint"/> with
/// <c>pulumi stack output --json --stack &lt;region&gt;</c>, after <c>pulumi up</c>.
/// </summary>
internal sealed class StackOutputEndpoints(string pulumiExecutable, string projectDirectory)
{
    public async Task<IReadOnlyDictionary<string, (Uri HealthUrl, string Target)>> ReadAsync(ProjectModel project, CancellationToken cancellationToken)
    {
        var result = new SortedDictionary<string, (Uri, string)>(StringComparer.Ordinal);
        foreach (var region in project.Topology.Regions)
        {
            var json = await RunAsync(["stack", "output", "--json", "--stack", region.Id], cancellationToken);
            result[region.Id] = Parse(region.Id, json);
        }

        return result;
    }

    internal static (Uri HealthUrl, string Target) Parse(string stack, string json)
    {
        JsonElement outputs;
        try
        {
            outputs = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException ex)
        {
            throw new CommandFailedException($"stack '{stack}': `pulumi stack output --json` printed something that is not JSON: {ex.Message}");
        }

        string Required(string name) =>
            outputs.ValueKind == JsonValueKind.Object && outputs.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : throw new CommandFailedException($"stack '{stack}' has no '{name}' output; has it been deployed (`multiregion up --target pulumi`)?");

        var healthUrl = Required(RegionalOutputs.HealthUrl);
        if (!Uri.TryCreate(healthUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CommandFailedException($"stack '{stack}': output '{RegionalOutputs.HealthUrl}' is not an http(s) URL (value: '{healthUrl}')");
        }

        return (uri, Required(RegionalOutputs.Endpoint));
    }

    private async Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(pulumiExecutable, arguments)
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CommandFailedException($"could not start '{pulumiExecutable}'");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new CommandFailedException($"the Pulumi CLI ('{pulumiExecutable}') is not installed; install it (https://www.pulumi.com/docs/install/) or pass --endpoints FILE");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new CommandFailedException($"`pulumi {string.Join(' ', start.ArgumentList)}` failed: {(await stderr).Trim()}");
            }

            return await stdout;
        }
    }
}
