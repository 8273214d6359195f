using System.CommandLine;
using System.Net;
using MultiRegion.Health;
using MultiRegion.Health.Endpoints;
using MultiRegion.Infra.Drills;
using MultiRegion.Infra.Sandbox;

namespace MultiRegion.Infra.Cli.Commands;

/// <summary>
/// <c>multiregion verify</c>: exit 0 when the DNS answer is what the routing policy wants right now (failover: the
/// highest-priority healthy region, judged by probing every region itself), 1 when not. Against the running sandbox,
/// or any DNS server with <c>--dns-server</c> and an endpoints file.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(GlobalOptions global, CommandOutput output)
    {
        var wait = CliOptions.Duration("--wait", "Keep checking until it passes or this much time has passed (default: check once)");
        var dnsServer = new Option<string?>("--dns-server") { Description = "Query this DNS server (HOST:PORT) instead of the sandbox's" };
        var endpoints = new Option<string?>("--endpoints") { Description = "Endpoints file (JSON: service, zone, policy, endpoints[]) instead of the running sandbox's regions" };
        var command = new Command("verify", "Check that the DNS answer is the highest-priority healthy region (per the routing policy); exit 0 if so, 1 if not.") { wait, dnsServer, endpoints };
        command.SetAction(async (result, cancellationToken) =>
        {
            ServiceDefinition service;
            IPEndPoint server;
            var file = result.GetValue(endpoints);
            if (file is not null)
            {
                try
                {
                    service = EndpointFileLoader.Load(file);
                }
                catch (HealthConfigurationException ex)
                {
                    throw new CommandFailedException(ex.Message);
                }

                server = result.GetValue(dnsServer) is { } text
                    ? DnsServerEndpoint.Parse(text)
                    : throw new CommandFailedException("--dns-server: required with --endpoints (which DNS server should be asked?)", ExitCodes.Usage);
            }
            else
            {
                var directory = ProjectLocator.Locate(result.GetValue(global.Project));
                var (client, state) = SandboxControlClient.ForProject(directory);
                client.Dispose();
                service = FromState(state);
                server = result.GetValue(dnsServer) is { } text ? DnsServerEndpoint.Parse(text) : new IPEndPoint(IPAddress.Parse(state.DnsHost), state.DnsPort);
            }

            var outcome = await new FailoverVerifier(service, server).VerifyAsync(result.GetValue(wait) ?? TimeSpan.Zero, cancellationToken);
            (outcome.Passed ? output.Out : output.Error).WriteLine(outcome.Message);
            return outcome.Passed ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    internal static ServiceDefinition FromState(SandboxState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var policy = Enum.TryParse<RoutingPolicyKind>(state.Policy, ignoreCase: true, out var kind) && kind != RoutingPolicyKind.Geo ? kind : RoutingPolicyKind.Failover;
        return new ServiceDefinition(
            state.Service,
            state.Zone,
            5,
            policy,
            [.. state.Regions.Select(r => new RegionEndpoint(r.Id, new Uri(r.HealthUrl), r.Target, r.Priority))]);
    }
}
