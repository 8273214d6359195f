using System.Globalization;
using System.Security.Cryptography;

namespace MultiRegion.Infra.Orchestration;

/// <summary>Where a run writes, under the project's <c>.multiregion/</c> folder (git-ignored).</summary>
public static class RunPaths
{
    /// <summary>A sortable, unique run id: <c>20261123-120501-up-3f9a</c>.</summary>
    public static string NewRunId(TimeProvider time, StackOperation operation) => string.Create(
        CultureInfo.InvariantCulture,
        $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{operation.ToString().ToLowerInvariant()}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}");

    /// <summary><c>.multiregion/logs/&lt;runId&gt;/</c>: one <c>&lt;stack&gt;.log</c> per stack.</summary>
    public static string LogDirectory(string projectDirectory, string runId) => Path.Combine(projectDirectory, ".multiregion", "logs", runId);
}
