using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data.Seeding;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Data;

/// <summary>
/// The one seam where the database engine is chosen and tuned. Nothing else in the forum knows
/// which provider is in use.
/// </summary>
public static class ForumDatabase
{
    /// <summary>
    /// Registers <see cref="ForumDbContext"/> on the configured provider. Both provider contexts are registered; the
    /// options decide which one a request gets (<see cref="Provider"/>, which other provider-specific services use too).
    /// ConnectionStrings:Forum is read into <see cref="DatabaseOptions"/> and checked at start for that provider.
    /// </summary>
    public static void AddForumDatabase(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure(options => options.ConnectionString = configuration.GetConnectionString("Forum"));
        services.AddSingleton<IValidateOptions<DatabaseOptions>, ConnectionStringValidation>();
        services.AddDbContext<SqliteForumDbContext>((sp, options) =>
            SkipModelDiffAtStart(options.UseSqlite(SqliteConnectionString(sp)).AddInterceptors(SqlitePragmas.Instance)));
        services.AddDbContext<PostgresForumDbContext>((sp, options) =>
            SkipModelDiffAtStart(options.UseNpgsql(Options(sp).ConnectionString)));
        services.AddScoped<ForumDbContext>(sp => Provider(sp) switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresForumDbContext>(),
            _ => sp.GetRequiredService<SqliteForumDbContext>(),
        });
    }

    /// <summary>
    /// Migrating at start would otherwise first build the migrations' snapshot model and diff it against the entity
    /// model, to warn of model changes that have no migration: a CPU-heavy step at every start that can only find a
    /// developer's mistake. MigrationTests makes the same check on both providers, so a missing migration still fails
    /// the build's tests; at start, only the committed migrations are applied.
    /// </summary>
    private static DbContextOptionsBuilder SkipModelDiffAtStart(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));

    /// <summary>The configured database engine, for services that have one implementation per engine.</summary>
    public static DatabaseProvider Provider(IServiceProvider services) => Options(services).Provider;

    private static DatabaseOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

    /// <summary>The configured one, or the embedded default: forum.db in the data folder, which needs no setup.</summary>
    private static string SqliteConnectionString(IServiceProvider services)
    {
        var connectionString = Options(services).ConnectionString;
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }
        var paths = services.GetRequiredService<ForumPaths>();
        Directory.CreateDirectory(paths.DataDirectory);
        return $"Data Source={paths.SqliteDatabaseFile}";
    }

    /// <summary>
    /// Applies migrations, switches SQLite to WAL, and seeds topics, roles and the guide. On PostgreSQL, where several
    /// instances may start at once, the whole step runs under one advisory lock, so the second instance waits and
    /// then finds everything in place.
    /// </summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var exclusive = db.Database.IsNpgsql();
        if (exclusive)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartupLockKey})", cancellationToken);
        }
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers carry on while a post is written; the mode is stored in the file itself.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            await scope.ServiceProvider.GetRequiredService<ForumSeeder>().SeedAsync(cancellationToken);

            // The first Data Protection key is made here, under the lock, so instances starting together do not each
            // make one and hand out cookies the others cannot read until their key rings refresh.
            var keys = services.GetRequiredService<IKeyManager>();
            if (keys.GetAllKeys().Count == 0)
            {
                var now = DateTimeOffset.UtcNow;
                keys.CreateNewKey(now, now.AddDays(90));
            }
        }
        finally
        {
            if (exclusive)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartupLockKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Any fixed number, shared by every instance of the forum on one database.</summary>
    private const long StartupLockKey = 0x50_46_6F_72_75_6D; // "PForum"

    /// <summary>
    /// A consistent online copy of the database: SQLite's VACUUM INTO reads one snapshot while the forum goes
    /// on serving, and writes a compact file that opens as a forum database as it is.
    /// </summary>
    public static async Task<string> BackupAsync(ForumDbContext db, string file, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException("db backup copies SQLite databases; back up PostgreSQL with pg_dump (see the README).");
        }
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists; choose a new file name.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}", cancellationToken);
        return target;
    }

    /// <summary>Per-connection SQLite settings that are not stored in the file.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();
        // busy_timeout: a writer that finds another's transaction open waits inside SQLite (it retries within a
        // millisecond or two) instead of getting SQLITE_BUSY, on which Microsoft.Data.Sqlite sleeps 150 ms before
        // trying again; with members replying at once those sleeps capped posting at a few dozen replies a second.
        private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

        // These settings belong to the native connection, which the pool hands out again and again (EF opens and
        // closes it around every query): set them once per native connection, not on every open.
        private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> s_configured = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (NeedsPragmas(connection, out var handle))
            {
                using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                command.ExecuteNonQuery();
                s_configured.TryAdd(handle, s_configured);
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (NeedsPragmas(connection, out var handle))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
                s_configured.TryAdd(handle, s_configured);
            }
        }

        private static bool NeedsPragmas(DbConnection connection, out SQLitePCL.sqlite3 handle)
        {
            handle = ((SqliteConnection)connection).Handle!;
            return !s_configured.TryGetValue(handle, out _);
        }
    }
}
