using System.Text.Json;

namespace MultiRegion.Infra.Orchestration;

/// <summary>Reads and writes <c>.multiregion/state/last-run.json</c>; writes replace the file atomically.</summary>
public sealed class RunStateStore(string path)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public string Path { get; } = path;

    public static RunStateStore ForProject(string projectDirectory) =>
        new(System.IO.Path.Combine(projectDirectory, ".multiregion", "state", "last-run.json"));

    /// <summary>The recorded state, or null when there is none yet.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a state file.</exception>
    public RunState? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<RunState>(File.ReadAllText(Path), Options);
            if (state?.Stacks is null)
            {
                throw new InvalidDataException($"{Path} is not a multiregion state file");
            }

            return state with { Stacks = new Dictionary<string, StackRecord>(state.Stacks, StringComparer.Ordinal) };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{Path} is not a multiregion state file: {ex.Message}", ex);
        }
    }

    public void Save(RunState state)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = $"{Path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, Options));
        File.Move(temporary, Path, overwrite: true);
    }
}
