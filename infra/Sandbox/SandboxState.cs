using System.Text.Json;
using System.Text.Json.Serialization;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// <c>.multiregion/sandbox/state.json</c>: how other processes (drills, <c>verify</c>, the scripts) find a running
/// sandbox: the process, the control endpoint, the DNS server and every region's stand-in.
/// </summary>
public sealed record SandboxState(
    int Pid,
    DateTimeOffset StartedAt,
    string ProjectDirectory,
    string ControlUrl,
    string DnsHost,
    int DnsPort,
    string Zone,
    string Service,
    string Policy,
    bool DistinctAddresses,
    double IntervalMs,
    int FailureThreshold,
    int SuccessThreshold,
    string HistoryPath,
    IReadOnlyList<SandboxStateRegion> Regions)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes atomically (temp file + rename), so a reader never sees half a file.</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, ToJson());
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The state, or null when no file exists or it cannot be read.</summary>
    public static SandboxState? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SandboxState>(File.ReadAllText(path), Json);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>True while the recorded process is alive.</summary>
    public bool ProcessIsAlive()
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(Pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    public static SandboxState From(SandboxStatus status, int pid, DateTimeOffset startedAt, string projectDirectory, string controlUrl, string historyPath) => new(
        pid,
        startedAt,
        projectDirectory,
        controlUrl,
        status.DnsHost,
        status.DnsPort,
        status.Zone,
        status.Service,
        status.Policy,
        status.DistinctAddresses,
        status.IntervalMs,
        status.FailureThreshold,
        status.SuccessThreshold,
        historyPath,
        [.. status.Regions.Select(r => new SandboxStateRegion(r.Id, r.Priority, r.Target, r.Address, r.Port, r.Url, r.HealthUrl))]);

    internal static JsonSerializerOptions JsonOptions => Json;
}
