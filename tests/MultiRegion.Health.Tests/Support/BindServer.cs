using System.Diagnostics;
using System.Globalization;
using System.Net;
using ARSoft.Tools.Net.Dns;
using MultiRegion.Health.Dns.Embedded;
using MultiRegion.Health.Dns.Rfc2136;
using MultiRegion.Tests;

namespace MultiRegion.Health.Tests.Support;

/// <summary>BIND 9 (named -g) serving one dynamic zone on a loopback port with a TSIG key from tsig-keygen.</summary>
internal sealed class BindServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly DirectoryInfo dir;

    private BindServer(Process process, DirectoryInfo dir, int port, TsigKey key, string keyFile)
    {
        this.process = process;
        this.dir = dir;
        Port = port;
        Key = key;
        KeyFile = keyFile;
    }

    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public TsigKey Key { get; }

    public string KeyFile { get; }

    /// <summary>Starts named on free loopback ports (see <see cref="ServerProcess.StartWithRetriesAsync{T}"/>).</summary>
    public static Task<BindServer> StartAsync(string zone, CancellationToken ct) =>
        ServerProcess.StartWithRetriesAsync(() => StartOnceAsync(zone, ct));

    private static async Task<BindServer> StartOnceAsync(string zone, CancellationToken ct)
    {
        var named = Requires.Executable("named");
        var keygen = Requires.Executable("tsig-keygen");
        var dir = Directory.CreateTempSubdirectory("mr-bind-");
        var keyFile = Path.Combine(dir.FullName, "update.key");
        await File.WriteAllTextAsync(keyFile, await ProcessRunner.RunAsync(keygen, ["-a", "hmac-sha256", "mr-update-key"]), ct);
        var apex = zone.TrimEnd('.');
        var zoneFile = Path.Combine(dir.FullName, apex + ".zone");
        await File.WriteAllTextAsync(zoneFile, $"""
            $ORIGIN {apex}.
            $TTL 60
            @ IN SOA ns1.{apex}. hostmaster.{apex}. 1 60 30 3600 5
            @ IN NS ns1.{apex}.
            ns1 IN A 127.0.0.1

            """, ct);
        var port = FreePort.ForUdpAndTcp(IPAddress.Loopback);
        var conf = Path.Combine(dir.FullName, "named.conf");
        await File.WriteAllTextAsync(conf, string.Create(CultureInfo.InvariantCulture, $$"""
            include "{{keyFile}}";
            options {
                directory "{{dir.FullName}}";
                listen-on port {{port}} { 127.0.0.1; };
                listen-on-v6 { none; };
                pid-file "{{dir.FullName}}/named.pid";
                session-keyfile "{{dir.FullName}}/session.key";
                managed-keys-directory "{{dir.FullName}}";
                recursion no;
                dnssec-validation no;
                notify no;
            };
            controls { };
            zone "{{apex}}" {
                type primary;
                file "{{zoneFile}}";
                journal "{{zoneFile}}.jnl";
                allow-update { key "mr-update-key"; };
            };

            """), ct);

        var info = new ProcessStartInfo(named) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-g", "-4", "-n", "1", "-c", conf })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        var log = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new BindServer(process, dir, port, TsigKey.FromBindKeyFile(keyFile), keyFile);
        try
        {
            for (var i = 0; i < 100 && !process.HasExited; i++)
            {
                try
                {
                    // Ready only when this named says so and answers over both transports: an answer alone could
                    // come from another test's named that holds the same port.
                    bool running;
                    lock (log)
                    {
                        running = log.ToString().Contains("running", StringComparison.Ordinal);
                    }

                    var udp = await DnsQuery.QueryAsync(port, zone, RecordType.Soa);
                    var tcp = await DnsQuery.QueryAsync(port, zone, RecordType.Soa, tcp: true);
                    if (running && !process.HasExited && udp.ReturnCode == ReturnCode.NoError && udp.AnswerRecords.Count > 0
                        && tcp.ReturnCode == ReturnCode.NoError && tcp.AnswerRecords.Count > 0)
                    {
                        return server;
                    }
                }
                catch (InvalidOperationException)
                {
                }

                await Task.Delay(100, ct);
            }

            if (process.HasExited)
            {
                throw new ServerExitedException("named exited: " + log);
            }

            throw new InvalidOperationException("named did not start: " + log);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => ServerProcess.StopAsync(process, dir);
}
