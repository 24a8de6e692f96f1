using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data.Seeding;
using PatientForum.Web.Features.Search;
using PatientForum.Web.Infrastructure.Options;

namespace PatientForum.Web.Data;

/// <summary>
/// The one seam where the database engine is chosen and tuned. Nothing else in the forum knows
/// which provider is in use.
/// </summary>
public static class ForumDatabase
{
    /// <summary>Registers the services that differ by provider (the search engine).</summary>
    public static void AddProviderServices(IServiceCollection services)
    {
        services.AddScoped<ISearchEngine>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
            {
                DatabaseProvider.Sqlite => ActivatorUtilities.CreateInstance<SqliteSearchEngine>(sp),
                var other => throw new InvalidOperationException($"No search engine for Forum:Database:Provider '{other}'."),
            });
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance);
                break;
            default:
                throw new InvalidOperationException(
                    $"Forum:Database:Provider is '{provider}', which this version of PatientForum does not support yet. Use Sqlite.");
        }
    }

    /// <summary>Applies migrations, switches SQLite to WAL, and seeds topics, roles and the guide.</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while a post is written; the mode is stored in the file itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await scope.ServiceProvider.GetRequiredService<ForumSeeder>().SeedAsync(cancellationToken);
    }

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
        private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
