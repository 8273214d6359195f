using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using MultiRegion.Benchmarks;

// dotnet run -c Release --project bench/MultiRegion.Benchmarks -- <synth|probes|orchestration|drills|compile|all>
var which = args.FirstOrDefault() ?? "all";
var output = Console.Out;
if (which == "probe-server")
{
    // The probe benchmark's target server, started by the benchmark itself in a second process.
    await LoopbackHealthServer.RunAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), output, CancellationToken.None);
    return 0;
}

output.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

if (which is "synth" or "all")
{
    SynthScaleBenchmark.Run(output);
}

if (which is "probes" or "all")
{
    await ProbeThroughputBenchmark.RunAsync(output);
}

if (which is "orchestration" or "all")
{
    await OrchestrationBenchmark.RunAsync(output);
}

if (which is "drills" or "all")
{
    await DrillBenchmark.RunAsync(output, 20);
}

if (which is "compile" or "all")
{
    var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(Job.ShortRun).WithOptions(ConfigOptions.DisableOptimizationsValidator);
    BenchmarkRunner.Run<CompileBenchmarks>(config);
}

return 0;
