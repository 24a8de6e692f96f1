using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PatientForum.TestSupport;

/// <summary>
/// The database one test forum runs on. The same tests run on either provider: <c>FORUM_TEST_PROVIDER=Postgres</c>
/// gives every forum a fresh PostgreSQL database (dropped afterwards) and turns on the Redis backplane with a key
/// prefix of its own, which is the scale-out configuration; otherwise each forum has a SQLite file in its data folder.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(string dataDirectory, string? postgresDatabase)
    {
        DataDirectory = dataDirectory;
        PostgresDatabase = postgresDatabase;
    }

    /// <summary>True when this run of the suite is the PostgreSQL one.</summary>
    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("FORUM_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The PostgreSQL server for the tests (without a database name).</summary>
    public static string PostgresServer { get; } =
        Environment.GetEnvironmentVariable("FORUM_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=patientforum_test;Password=patientforum_test";

    /// <summary>The Redis server for the tests.</summary>
    public static string RedisServer { get; } = Environment.GetEnvironmentVariable("FORUM_TEST_REDIS") ?? "127.0.0.1:6380";

    public string DataDirectory { get; }

    /// <summary>The PostgreSQL database's name, or null on SQLite.</summary>
    public string? PostgresDatabase { get; }

    /// <summary>The SQLite file, on the SQLite run.</summary>
    public string SqliteFile => Path.Combine(DataDirectory, "forum.db");

    public string ConnectionString => PostgresDatabase is null
        ? new SqliteConnectionStringBuilder { DataSource = SqliteFile, Pooling = false }.ToString()
        : new NpgsqlConnectionStringBuilder(PostgresServer) { Database = PostgresDatabase }.ToString();

    /// <summary>
    /// Settings that put a forum on this database, as configuration keys (Forum:Database:Provider). Use
    /// <see cref="EnvironmentSettings"/> for a forum started as a process.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings => PostgresDatabase is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string>
        {
            ["Forum:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Forum"] = ConnectionString,
            ["Forum:Redis"] = RedisServer,
            ["Forum:RedisPrefix"] = PostgresDatabase,
        };

    public IReadOnlyDictionary<string, string> EnvironmentSettings =>
        Settings.ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value);

    /// <summary>A new, empty database for a forum whose files live in <paramref name="dataDirectory"/>, on this run's provider.</summary>
    public static TestDatabase Create(string dataDirectory) =>
        IsPostgres ? CreatePostgres(dataDirectory) : new TestDatabase(dataDirectory, null);

    /// <summary>A new, empty PostgreSQL database whatever the run's provider, for tests of the scale-out set-up itself.</summary>
    public static TestDatabase CreatePostgres(string dataDirectory)
    {
        var name = "pf_test_" + Guid.NewGuid().ToString("N");
        using var connection = OpenServer();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        command.ExecuteNonQuery();
        return new TestDatabase(dataDirectory, name);
    }

    /// <summary>
    /// A new database holding what <paramref name="template"/> holds, on the same provider: a copy of the file on
    /// SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL.
    /// </summary>
    public static TestDatabase CopyOf(TestDatabase template, string dataDirectory)
    {
        if (template.PostgresDatabase is null)
        {
            var copy = new TestDatabase(dataDirectory, null);
            File.Copy(template.SqliteFile, copy.SqliteFile);
            return copy;
        }
        var name = "pf_test_" + Guid.NewGuid().ToString("N");
        using var connection = OpenServer();
        using var command = connection.CreateCommand();
        // FILE_COPY copies the template's files as they are; the default (WAL_LOG) writes every page of them through the
        // write-ahead log, twice the server's time for a copy the run throws away a few seconds later.
        command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE \"{template.PostgresDatabase}\" STRATEGY FILE_COPY";
        command.ExecuteNonQuery();
        return new TestDatabase(dataDirectory, name);
    }

    /// <summary>
    /// Readies a database that a forum has migrated and seeded, and that no forum uses any more, to be copied by
    /// <see cref="CopyOf"/>: the forum's Data Protection keys go (each copy makes its own, as a new forum would), no
    /// pooled connection stays open on it, and a SQLite file holds all its pages with no write-ahead log beside it.
    /// </summary>
    public void SealAsTemplate()
    {
        if (PostgresDatabase is null)
        {
            SqliteConnection.ClearAllPools();
            using var file = Open();
            using var delete = file.CreateCommand();
            delete.CommandText = "DELETE FROM \"DataProtectionKeys\"; PRAGMA wal_checkpoint(TRUNCATE);";
            delete.ExecuteNonQuery();
            return;
        }
        var unpooled = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString();
        using (var database = new NpgsqlConnection(unpooled))
        {
            database.Open();
            using var delete = database.CreateCommand();
            delete.CommandText = "DELETE FROM \"DataProtectionKeys\"";
            delete.ExecuteNonQuery();
        }
        // CREATE DATABASE … TEMPLATE needs the template to have no sessions; the forum's pooled ones may linger. Only
        // client sessions are ended: autovacuum may be at work on the freshly written template too, and that session is
        // the server's own (only a superuser may end it; CREATE DATABASE stops it by itself).
        using var server = OpenServer();
        using var end = server.CreateCommand();
        end.CommandText = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid() AND backend_type = 'client backend'";
        end.Parameters.AddWithValue("name", PostgresDatabase);
        end.ExecuteNonQuery();
    }

    /// <summary>An open connection to the forum's database, for checks the pages cannot show.</summary>
    public DbConnection Open()
    {
        DbConnection connection = PostgresDatabase is null ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Runs SQL that works on both providers (identifiers in double quotes, parameters as @name) and returns the
    /// first value.
    /// </summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Each row of a query that works on both providers, read by <paramref name="read"/>.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <inheritdoc cref="ScalarAsync"/>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public void Dispose()
    {
        if (PostgresDatabase is null)
        {
            return;
        }
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        using var connection = OpenServer();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{PostgresDatabase}\" WITH (FORCE)";

        // A session of the server's own (autovacuum) may hold the database for a moment.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException) when (attempt < 10)
            {
                Thread.Sleep(200 * attempt);
            }
        }
    }

    /// <summary>
    /// A session on the server's maintenance database, for creating and dropping test databases. Pooled: every session
    /// is a server process of its own to start, and each forum would otherwise start two or three just to be made and
    /// dropped.
    /// </summary>
    private static NpgsqlConnection OpenServer()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ToString());
        connection.Open();
        return connection;
    }
}
