using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using MultiRegion.Health.Dns.Embedded;
using MultiRegion.Tests;

namespace MultiRegion.Health.Tests.Support;

/// <summary>pdns_server with the gsqlite3 backend on loopback ports, in a temp dir; killed on dispose.</summary>
internal sealed class PowerDnsServer : IAsyncDisposable
{
    private static readonly string[] SchemaPaths = ["/usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql", "/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql"];
    private readonly Process process;
    private readonly DirectoryInfo dir;

    private PowerDnsServer(Process process, DirectoryInfo dir, int dnsPort, int apiPort, string apiKey)
    {
        this.process = process;
        this.dir = dir;
        DnsPort = dnsPort;
        ApiUrl = new Uri($"http://127.0.0.1:{apiPort}/");
        ApiKey = apiKey;
    }

    public int DnsPort { get; }

    public Uri ApiUrl { get; }

    public string ApiKey { get; }

    /// <summary>Starts pdns_server on free loopback ports (see <see cref="ServerProcess.StartWithRetriesAsync{T}"/>).</summary>
    public static Task<PowerDnsServer> StartAsync(string zone, CancellationToken ct) =>
        ServerProcess.StartWithRetriesAsync(() => StartOnceAsync(zone, ct));

    private static async Task<PowerDnsServer> StartOnceAsync(string zone, CancellationToken ct)
    {
        var pdns = Requires.Executable("pdns_server");
        var schema = SchemaPaths.FirstOrDefault(File.Exists);
        Requires.That(schema is not null, "the pdns-backend-sqlite3 schema is not installed");
        var dir = Directory.CreateTempSubdirectory("mr-pdns-");
        var db = Path.Combine(dir.FullName, "pdns.sqlite3");
        using (var connection = new SqliteConnection($"Data Source={db}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = await File.ReadAllTextAsync(schema!, ct);
            command.ExecuteNonQuery();
        }

        var dnsPort = FreePort.ForUdpAndTcp(IPAddress.Loopback);
        var apiPort = FreePort.ForTcp(IPAddress.Loopback);
        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllTextAsync(Path.Combine(dir.FullName, "pdns.conf"), string.Join('\n', [
            "launch=gsqlite3",
            $"gsqlite3-database={db}",
            "local-address=127.0.0.1",
            string.Create(CultureInfo.InvariantCulture, $"local-port={dnsPort}"),
            "api=yes",
            $"api-key={apiKey}",
            "webserver=yes",
            "webserver-address=127.0.0.1",
            string.Create(CultureInfo.InvariantCulture, $"webserver-port={apiPort}"),
            "webserver-allow-from=127.0.0.0/8",
            $"socket-dir={dir.FullName}",
            "guardian=no",
            "daemon=no",
            "disable-syslog=yes",
            "cache-ttl=0",
            "negquery-cache-ttl=0",
            "query-cache-ttl=0",
            "consistent-backends=yes",
            string.Empty,
        ]), ct);

        var info = new ProcessStartInfo(pdns) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add($"--config-dir={dir.FullName}");
        var process = Process.Start(info)!;
        var log = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new PowerDnsServer(process, dir, dnsPort, apiPort, apiKey);
        try
        {
            using var http = new HttpClient { BaseAddress = server.ApiUrl, Timeout = TimeSpan.FromSeconds(5) };
            http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
            var ready = false;
            for (var i = 0; i < 100 && !ready && !process.HasExited; i++)
            {
                try
                {
                    ready = (await http.GetAsync(new Uri("api/v1/servers/localhost", UriKind.Relative), ct)).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                }

                if (!ready)
                {
                    await Task.Delay(100, ct);
                }
            }

            if (!ready && process.HasExited)
            {
                throw new ServerExitedException("pdns_server exited: " + log);
            }

            if (!ready)
            {
                throw new InvalidOperationException("pdns_server did not start: " + log);
            }

            using var create = await http.PostAsJsonAsync(new Uri("api/v1/servers/localhost/zones", UriKind.Relative), new { name = zone, kind = "Native", nameservers = new[] { "ns1." + zone } }, ct);
            if (!create.IsSuccessStatusCode)
            {
                throw new InvalidOperationException("zone creation failed: " + await create.Content.ReadAsStringAsync(ct));
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => ServerProcess.StopAsync(process, dir);
}
