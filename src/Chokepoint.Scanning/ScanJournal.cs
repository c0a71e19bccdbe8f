using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Chokepoint.Scanning;

/// <summary>A site the journal holds as finished: its list line, the line written for it and when it started.</summary>
/// <param name="Line">The site's line number in the list.</param>
/// <param name="Domain">The registrable domain.</param>
/// <param name="Completeness">complete, incomplete or failed.</param>
/// <param name="Output">The output line written for the site (without its newline).</param>
/// <param name="StartedAt">When the site's audit started.</param>
/// <param name="FinishedAt">When it finished.</param>
public sealed record JournalEntry(int Line, string Domain, string Completeness, string Output, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);

/// <summary>
/// The record of a scan in SQLite (write-ahead log, one transaction per finished site): the scan's identity and each
/// finished site with its output line. A scan killed at any moment holds every site it committed, each once; the
/// same scan run again skips them.
/// </summary>
public sealed class ScanJournal : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private ScanJournal(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The journal's file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens (or creates) the journal at <paramref name="path"/> for the scan named by <paramref name="identity"/>.
    /// A journal of another scan is an error unless <paramref name="restart"/>, which starts over in any case.
    /// </summary>
    /// <exception cref="ScanException">The journal belongs to another scan, or is not a scan journal.</exception>
    public static ScanJournal Open(string path, string identity, bool restart)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            Execute(connection, "CREATE TABLE IF NOT EXISTS scan (key TEXT PRIMARY KEY, value TEXT NOT NULL);" +
                "CREATE TABLE IF NOT EXISTS site (line INTEGER PRIMARY KEY, domain TEXT NOT NULL, completeness TEXT NOT NULL, " +
                "output TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT NOT NULL, seq INTEGER NOT NULL);" +

                // Without it every commit's MAX(seq) read the whole table, outputs included: a scan was quadratic.
                "CREATE INDEX IF NOT EXISTS site_seq ON site (seq);");
            var journal = new ScanJournal(connection, full);
            var existing = journal.Identity();
            if (restart || existing is null)
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, "DELETE FROM site; DELETE FROM scan;", transaction);
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO scan (key, value) VALUES ('identity', $identity);";
                insert.Parameters.AddWithValue("$identity", identity);
                insert.ExecuteNonQuery();
                transaction.Commit();
            }
            else if (!string.Equals(existing, identity, StringComparison.Ordinal))
            {
                throw new ScanException(
                    $"the journal {full} belongs to another scan (another list or other settings): give --restart to start over, or another --journal");
            }

            return journal;
        }
        catch (SqliteException exception)
        {
            connection.Dispose();
            throw new ScanException($"cannot use {full} as a scan journal: {exception.Message}");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Every finished site of the journal at <paramref name="path"/>, read without changing it.</summary>
    /// <exception cref="ScanException">The file is not a scan journal.</exception>
    public static IReadOnlyList<JournalEntry> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        try
        {
            using var journal = new ScanJournal(new SqliteConnection(builder.ToString()), full);
            journal._connection.Open();
            return journal.Entries();
        }
        catch (SqliteException exception)
        {
            throw new ScanException($"cannot read {full} as a scan journal: {exception.Message}");
        }
    }

    /// <summary>The finished sites' line numbers.</summary>
    public IReadOnlySet<int> FinishedLines()
    {
        lock (_gate)
        {
            var lines = new HashSet<int>();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT line FROM site;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lines.Add(reader.GetInt32(0));
            }

            return lines;
        }
    }

    /// <summary>Every finished site, in the order they finished.</summary>
    public IReadOnlyList<JournalEntry> Entries()
    {
        lock (_gate)
        {
            var entries = new List<JournalEntry>();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT line, domain, completeness, output, started_at, finished_at FROM site ORDER BY seq;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                entries.Add(Entry(reader));
            }

            return entries;
        }
    }

    /// <summary>How many finished sites the journal holds, in all and of each completeness.</summary>
    public JournalCounts Counts()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT completeness, COUNT(*) FROM site GROUP BY completeness;";
            using var reader = command.ExecuteReader();
            var counts = new JournalCounts(0, 0, 0, 0);
            while (reader.Read())
            {
                var n = reader.GetInt32(1);
                counts = reader.GetString(0) switch
                {
                    Completeness.Complete => counts with { Complete = n },
                    Completeness.Incomplete => counts with { Incomplete = n },
                    Completeness.Failed => counts with { Failed = n },
                    _ => counts,
                };
                counts = counts with { Total = counts.Total + n };
            }

            return counts;
        }
    }

    /// <summary>
    /// Every finished site, read one at a time through a connection of its own (the journal's write-ahead log lets
    /// it read while sites are committed): memory does not grow with the scan.
    /// </summary>
    /// <param name="inListOrder">In list line order; otherwise in the order the sites finished.</param>
    public IEnumerable<JournalEntry> Stream(bool inListOrder)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = inListOrder
            ? "SELECT line, domain, completeness, output, started_at, finished_at FROM site ORDER BY line;"
            : "SELECT line, domain, completeness, output, started_at, finished_at FROM site ORDER BY seq;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return Entry(reader);
        }
    }

    /// <summary>Records one finished site in its own transaction; a site already recorded is kept as it was.</summary>
    /// <returns>True when recorded now, false when the journal already held it.</returns>
    public bool Commit(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT OR IGNORE INTO site (line, domain, completeness, output, started_at, finished_at, seq) " +
                "VALUES ($line, $domain, $completeness, $output, $started, $finished, (SELECT COALESCE(MAX(seq), 0) + 1 FROM site));";
            command.Parameters.AddWithValue("$line", entry.Line);
            command.Parameters.AddWithValue("$domain", entry.Domain);
            command.Parameters.AddWithValue("$completeness", entry.Completeness);
            command.Parameters.AddWithValue("$output", entry.Output);
            command.Parameters.AddWithValue("$started", entry.StartedAt.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$finished", entry.FinishedAt.ToString("O", CultureInfo.InvariantCulture));
            var added = command.ExecuteNonQuery() == 1;
            transaction.Commit();
            return added;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static JournalEntry Entry(SqliteDataReader reader) =>
        new(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture));

    private string? Identity()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT value FROM scan WHERE key = 'identity';";
        return command.ExecuteScalar() as string;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // constant SQL only
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}

/// <summary>Finished sites in a journal.</summary>
/// <param name="Total">All finished sites.</param>
/// <param name="Complete">Sites whose audit is complete.</param>
/// <param name="Incomplete">Sites audited with parts not observed.</param>
/// <param name="Failed">Sites with no report.</param>
public sealed record JournalCounts(int Total, int Complete, int Incomplete, int Failed);

/// <summary>A scan cannot go on: a journal of another scan, an unusable journal or output file.</summary>
public sealed class ScanException : Exception
{
    /// <summary>A scan failure with its one-line message.</summary>
    public ScanException(string message) : base(message)
    {
    }

    /// <summary>An empty failure.</summary>
    public ScanException()
    {
    }

    /// <summary>A scan failure with its cause.</summary>
    public ScanException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
