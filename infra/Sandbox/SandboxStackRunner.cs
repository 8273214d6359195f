using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MultiRegion.Components.Emit;
using MultiRegion.Components.Stacks;
using MultiRegion.Health.Dns;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Orchestration;

namespace MultiRegion.Infra.Sandbox;

/// <summary>
/// The <c>sandbox</c> deployment target: for each stack it compiles the stack's Pulumi program (the same YAML Pulumi
/// would run, proving it compiles, and counts its resources), then creates the stack's local stand-ins in the sandbox
/// (<see cref="ISandboxStacks"/>: in this process, or a background sandbox that outlives the command). The
/// cross-region stack, the last one, also runs the post-deploy health check. Order and parallelism are the caller's
/// (the orchestrator, or <see cref="SandboxDeployer"/>).
/// </summary>
/// <remarks>
/// For the orchestrator's registry: <c>SandboxStackRunner.ForBackground(projectDirectory, synthesizer)</c> makes
/// <c>multiregion up --target sandbox</c> leave a sandbox running (what <c>sandbox up</c> does), and
/// <c>destroy --target sandbox</c> end it once every stack is destroyed.
/// </remarks>
public sealed class SandboxStackRunner(ISandboxStacks sandbox, DeploymentSynthesizer synthesizer) : IStackRunner
{
    public string Target => "sandbox";

    public ISandboxStacks Sandbox { get; } = sandbox ?? throw new ArgumentNullException(nameof(sandbox));

    /// <summary>A runner over a background sandbox for the project (started on preflight if none runs).</summary>
    public static SandboxStackRunner ForBackground(string projectDirectory, DeploymentSynthesizer synthesizer, SandboxSettings? settings = null) =>
        new(new BackgroundSandbox(projectDirectory, settings ?? new SandboxSettings()), synthesizer);

    public async Task PreflightAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        }
        catch (SocketException ex)
        {
            throw new CommandFailedException($"the sandbox needs to listen on 127.0.0.1, which failed: {ex.Message}");
        }

        await Sandbox.PrepareAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StackRunResult> RunAsync(StackOperation operation, string stack, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!synthesizer.IsStack(stack))
        {
            return new StackRunResult(false, $"unknown stack '{stack}'");
        }

        try
        {
            switch (operation)
            {
                case StackOperation.Up:
                {
                    var compiled = Compile(stack);
                    log.WriteLine($"{stack}: {compiled}");
                    var created = await Sandbox.DeployStackAsync(stack, cancellationToken).ConfigureAwait(false);
                    log.WriteLine($"{stack}: {created}");
                    if (stack == Components.Topology.StackNames.CrossRegion)
                    {
                        var check = await Sandbox.PostDeployCheckAsync(cancellationToken).ConfigureAwait(false);
                        log.WriteLine($"{stack}: {check}");
                        created += "; " + check;
                    }

                    return new StackRunResult(true, $"{compiled.Resources} resources compiled; {created}");
                }

                case StackOperation.Preview:
                {
                    var compiled = Compile(stack);
                    log.WriteLine($"{stack}: {compiled}; would create {WhatUpCreates(stack)}");
                    return new StackRunResult(true, $"{compiled.Resources} resources; would create {WhatUpCreates(stack)}");
                }

                case StackOperation.Refresh:
                {
                    var isDeployed = (await Sandbox.DeployedStacksAsync(cancellationToken).ConfigureAwait(false)).Contains(stack, StringComparer.Ordinal);
                    var line = isDeployed ? "deployed in the sandbox" : "not deployed in the sandbox";
                    log.WriteLine($"{stack}: {line}");
                    return new StackRunResult(true, line);
                }

                case StackOperation.Destroy:
                {
                    var removed = await Sandbox.DestroyStackAsync(stack, cancellationToken).ConfigureAwait(false);
                    log.WriteLine($"{stack}: {removed}");
                    return new StackRunResult(true, removed);
                }

                default:
                    return new StackRunResult(false, $"operation {operation} is not supported by the sandbox");
            }
        }
        catch (Exception ex) when (ex is CommandFailedException or DnsProviderException or SocketException or IOException or Health.HealthConfigurationException)
        {
            log.WriteLine($"{stack}: failed: {ex.Message}");
            return new StackRunResult(false, ex.Message);
        }
    }

    /// <summary>Synthesizes the stack's Pulumi YAML program (as <c>pulumi up</c> would get it from the compiler hook).</summary>
    public CompiledStack Compile(string stack)
    {
        var stopwatch = Stopwatch.StartNew();
        var definition = synthesizer.Build(stack);
        var yaml = PulumiYamlEmitter.Emit(definition);
        var resources = definition.Resources.Count(r => !r.Type.StartsWith("pulumi:", StringComparison.Ordinal));
        return new CompiledStack(stack, resources, yaml.Length, stopwatch.Elapsed);
    }

    private static string WhatUpCreates(string stack) => stack switch
    {
        Components.Topology.StackNames.Global => "the embedded DNS server and the zone",
        Components.Topology.StackNames.CrossRegion => "the service record and the health checker",
        _ => "a loopback HTTP endpoint standing in for the load balancer",
    };
}
