using BenchmarkDotNet.Attributes;
using MultiRegion.Components.Configuration;
using MultiRegion.Infra.Compile;

namespace MultiRegion.Benchmarks;

/// <summary>
/// Target: compiling one stack of the example in-process &lt; 150 ms — what the compiler hook does after the process
/// has started: read PULUMI_CONFIG, load and validate, build the stack's graph, emit YAML.
/// </summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private Dictionary<string, string?> _environment = [];

    [Params("global", "us-east-1", "cross-region")]
    public string Stack { get; set; } = "us-east-1";

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot.Find();
        _environment = new Dictionary<string, string?>
        {
            ["PULUMI_STACK"] = Stack,
            ["PULUMI_PROJECT"] = "multiregion",
            ["PULUMI_CONFIG"] = PulumiConfigJson.For(root, Stack),
        };
    }

    [Benchmark]
    public string CompileOneStack() => CompilerHook.Compile(_environment, Directory.GetCurrentDirectory());
}
