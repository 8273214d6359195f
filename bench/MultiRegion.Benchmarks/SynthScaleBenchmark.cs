using System.Diagnostics;
using System.Globalization;
using MultiRegion.Components.Configuration;
using MultiRegion.Infra.Example;
using MultiRegion.Tests;

namespace MultiRegion.Benchmarks;

/// <summary>
/// Target: synthesizing every stack of a 25-region topology &lt; 1 s and &lt; 200 MB. Measured in a fresh process
/// (cold: JIT included) and warm (best of 5), with the process's peak working set.
/// </summary>
internal static class SynthScaleBenchmark
{
    public static void Run(TextWriter output, int regions = 25)
    {
        var dir = GeneratedProject.Create(regions);
        try
        {
            var cold = Stopwatch.StartNew();
            var bytes = SynthesizeAll(dir);
            cold.Stop();

            var warm = Enumerable.Range(0, 5).Select(_ =>
            {
                var sw = Stopwatch.StartNew();
                SynthesizeAll(dir);
                return sw.Elapsed.TotalMilliseconds;
            }).Min();

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"synth {regions} regions ({regions + 2} stacks, {bytes / 1024} KiB of YAML): cold {cold.Elapsed.TotalMilliseconds:F0} ms, warm best-of-5 {warm:F0} ms, peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MiB, allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB (target < 1000 ms, < 200 MB)"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static long SynthesizeAll(string dir)
    {
        var synthesizer = Platforms.SynthesizerFor(ProjectLoader.LoadDirectory(dir));
        var stacks = synthesizer.BuildAll();
        long bytes = stacks.Sum(s => (long)Components.Emit.PulumiYamlEmitter.Emit(s).Length);
        Components.Stacks.DeploymentSynthesizer.Plan(stacks);
        return bytes;
    }
}
