using System.Globalization;
using Microsoft.Data.Sqlite;
using MultiRegion.Health.Regions;

namespace MultiRegion.Health.History;

/// <summary>
/// SQLite history (WAL) of health transitions, DNS changes, failovers and drills; the schema is created on open.
/// Queries return the newest entries first.
/// </summary>
public sealed class HealthHistory : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS health_transitions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            region TEXT NOT NULL,
            from_state TEXT NOT NULL,
            to_state TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_health_transitions_region ON health_transitions(region, id);
        CREATE TABLE IF NOT EXISTS dns_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            zone TEXT NOT NULL,
            name TEXT NOT NULL,
            provider TEXT NOT NULL,
            summary TEXT NOT NULL,
            dry_run INTEGER NOT NULL,
            success INTEGER NOT NULL,
            error TEXT,
            at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS failovers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            service TEXT NOT NULL,
            from_region TEXT,
            to_region TEXT,
            reason TEXT NOT NULL,
            started TEXT NOT NULL,
            completed TEXT,
            duration_ms REAL,
            success INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS drains (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            region TEXT NOT NULL,
            drained INTEGER NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS drills (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            region TEXT NOT NULL,
            started TEXT NOT NULL,
            detected TEXT,
            dns_changed TEXT,
            restored TEXT,
            failback_dns TEXT,
            success INTEGER NOT NULL,
            report_path TEXT,
            details TEXT);
        """;

    private readonly SqliteConnection connection;
    private readonly Lock gate = new();

    private HealthHistory(SqliteConnection connection) => this.connection = connection;

    public string Path { get; private init; } = string.Empty;

    /// <summary>Opens (creating if needed) the database file and its schema.</summary>
    public static HealthHistory Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Schema + "PRAGMA busy_timeout=5000;";
            command.ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new HealthHistory(connection) { Path = path };
    }

    public long RecordTransition(HealthTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return Insert(
            "INSERT INTO health_transitions(region, from_state, to_state, reason, at) VALUES ($a, $b, $c, $d, $e)",
            transition.RegionId, transition.From.ToString(), transition.To.ToString(), transition.Reason, Time(transition.At));
    }

    public long RecordDnsChange(string zone, string name, string provider, string summary, bool dryRun, bool success, string? error, DateTimeOffset at) =>
        Insert(
            "INSERT INTO dns_changes(zone, name, provider, summary, dry_run, success, error, at) VALUES ($a, $b, $c, $d, $e, $f, $g, $h)",
            zone, name, provider, summary, dryRun ? 1 : 0, success ? 1 : 0, error, Time(at));

    public long RecordFailover(string service, string? fromRegion, string? toRegion, string reason, DateTimeOffset started, DateTimeOffset? completed, bool success) =>
        Insert(
            "INSERT INTO failovers(service, from_region, to_region, reason, started, completed, duration_ms, success) VALUES ($a, $b, $c, $d, $e, $f, $g, $h)",
            service, fromRegion, toRegion, reason, Time(started), completed is { } c ? Time(c) : null, completed is { } d ? (d - started).TotalMilliseconds : null, success ? 1 : 0);

    /// <summary>Records a manual drain (true) or undrain (false); a running checker picks it up on its next cycle.</summary>
    public long RecordDrain(string regionId, bool drained, string reason, DateTimeOffset at) =>
        Insert("INSERT INTO drains(region, drained, reason, at) VALUES ($a, $b, $c, $d)", regionId, drained ? 1 : 0, reason, Time(at));

    /// <summary>The latest drain flag of every region that was ever drained or undrained.</summary>
    public IReadOnlyDictionary<string, bool> DrainStates()
    {
        var rows = Query(
            "SELECT d.region, d.drained FROM drains d JOIN (SELECT region, MAX(id) AS id FROM drains GROUP BY region) m ON d.id = m.id LIMIT $limit",
            10_000,
            null,
            r => (Region: r.GetString(0), Drained: r.GetInt64(1) != 0));
        return rows.ToDictionary(r => r.Region, r => r.Drained, StringComparer.Ordinal);
    }

    /// <summary>Inserts a drill; <see cref="DrillEntry.Id"/> is ignored and the new id returned.</summary>
    public long RecordDrill(DrillEntry drill)
    {
        ArgumentNullException.ThrowIfNull(drill);
        return Insert(
            "INSERT INTO drills(region, started, detected, dns_changed, restored, failback_dns, success, report_path, details) VALUES ($a, $b, $c, $d, $e, $f, $g, $h, $i)",
            drill.RegionId, Time(drill.Started), TimeOrNull(drill.Detected), TimeOrNull(drill.DnsChanged), TimeOrNull(drill.Restored), TimeOrNull(drill.FailbackDns), drill.Success ? 1 : 0, drill.ReportPath, drill.DetailsJson);
    }

    public IReadOnlyList<TransitionEntry> Transitions(int limit = 100, string? regionId = null) =>
        Query(
            "SELECT id, region, from_state, to_state, reason, at FROM health_transitions" + (regionId is null ? string.Empty : " WHERE region = $r") + " ORDER BY id DESC LIMIT $limit",
            limit,
            regionId,
            r => new TransitionEntry(r.GetInt64(0), r.GetString(1), Enum.Parse<RegionHealth>(r.GetString(2)), Enum.Parse<RegionHealth>(r.GetString(3)), r.GetString(4), Parse(r.GetString(5))));

    public IReadOnlyList<DnsChangeEntry> DnsChanges(int limit = 100) =>
        Query(
            "SELECT id, zone, name, provider, summary, dry_run, success, error, at FROM dns_changes ORDER BY id DESC LIMIT $limit",
            limit,
            null,
            r => new DnsChangeEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5) != 0, r.GetInt64(6) != 0, r.IsDBNull(7) ? null : r.GetString(7), Parse(r.GetString(8))));

    public IReadOnlyList<FailoverEntry> Failovers(int limit = 100) =>
        Query(
            "SELECT id, service, from_region, to_region, reason, started, completed, duration_ms, success FROM failovers ORDER BY id DESC LIMIT $limit",
            limit,
            null,
            r => new FailoverEntry(
                r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
                Parse(r.GetString(5)), r.IsDBNull(6) ? null : Parse(r.GetString(6)), r.IsDBNull(7) ? null : TimeSpan.FromMilliseconds(r.GetDouble(7)), r.GetInt64(8) != 0));

    public IReadOnlyList<DrillEntry> Drills(int limit = 100) =>
        Query(
            "SELECT id, region, started, detected, dns_changed, restored, failback_dns, success, report_path, details FROM drills ORDER BY id DESC LIMIT $limit",
            limit,
            null,
            r => new DrillEntry(
                r.GetInt64(0), r.GetString(1), Parse(r.GetString(2)), ParseOrNull(r, 3), ParseOrNull(r, 4), ParseOrNull(r, 5), ParseOrNull(r, 6),
                r.GetInt64(7) != 0, r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9)));

    /// <summary>The latest transition of each region (restart seeding).</summary>
    public IReadOnlyDictionary<string, TransitionEntry> LatestTransitionByRegion()
    {
        var all = Query(
            "SELECT t.id, t.region, t.from_state, t.to_state, t.reason, t.at FROM health_transitions t JOIN (SELECT region, MAX(id) AS id FROM health_transitions GROUP BY region) m ON t.id = m.id ORDER BY t.id DESC LIMIT $limit",
            10_000,
            null,
            r => new TransitionEntry(r.GetInt64(0), r.GetString(1), Enum.Parse<RegionHealth>(r.GetString(2)), Enum.Parse<RegionHealth>(r.GetString(3)), r.GetString(4), Parse(r.GetString(5))));
        return all.ToDictionary(t => t.RegionId, StringComparer.Ordinal);
    }

    public void Dispose() => connection.Dispose();

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string? TimeOrNull(DateTimeOffset? at) => at is { } value ? Time(value) : null;

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static DateTimeOffset? ParseOrNull(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Parse(reader.GetString(ordinal));

    private long Insert(string sql, params object?[] values)
    {
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql + "; SELECT last_insert_rowid();";
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue("$" + (char)('a' + i), values[i] ?? DBNull.Value);
            }

            return (long)command.ExecuteScalar()!;
        }
    }

    private List<T> Query<T>(string sql, int limit, string? region, Func<SqliteDataReader, T> map)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$limit", limit);
            if (region is not null)
            {
                command.Parameters.AddWithValue("$r", region);
            }

            using var reader = command.ExecuteReader();
            var list = new List<T>();
            while (reader.Read())
            {
                list.Add(map(reader));
            }

            return list;
        }
    }
}
