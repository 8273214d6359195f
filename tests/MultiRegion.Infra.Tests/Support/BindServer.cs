using System.Diagnostics;
using System.Globalization;
using System.Net;
using MultiRegion.Health.Dns.Embedded;
using MultiRegion.Infra.Drills;
using MultiRegion.Tests;

namespace MultiRegion.Infra.Tests.Support;

/// <summary>BIND 9 (<c>named -g</c>) serving one dynamic zone on a loopback port, updatable with a TSIG key from tsig-keygen.</summary>
internal sealed class BindServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly DirectoryInfo dir;

    private BindServer(Process process, DirectoryInfo dir, int port, string keyFile)
    {
        this.process = process;
        this.dir = dir;
        Port = port;
        KeyFile = keyFile;
    }

    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public string KeyFile { get; }

    public static async Task<BindServer> StartAsync(string zone, CancellationToken ct)
    {
        var named = Requires.Executable("named");
        var keygen = Requires.Executable("tsig-keygen");
        var dir = Directory.CreateTempSubdirectory("mr-sandbox-bind-");
        var keyFile = Path.Combine(dir.FullName, "update.key");
        await File.WriteAllTextAsync(keyFile, await RunAsync(keygen, ["-a", "hmac-sha256", "mr-update-key"], ct), ct);
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
        var server = new BindServer(process, dir, port, keyFile);
        try
        {
            using var reader = new DnsAnswerReader(server.EndPoint, "ns1." + apex, TimeSpan.FromMilliseconds(300));
            for (var i = 0; i < 100 && !process.HasExited; i++)
            {
                if (!(await reader.ReadAsync(ct)).IsError)
                {
                    return server;
                }

                await Task.Delay(100, ct);
            }

            throw new InvalidOperationException("named did not start: " + log);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
        try
        {
            dir.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string> RunAsync(string file, string[] args, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0 ? stdout : throw new InvalidOperationException($"{file} failed: {await process.StandardError.ReadToEndAsync(ct)}");
    }
}
