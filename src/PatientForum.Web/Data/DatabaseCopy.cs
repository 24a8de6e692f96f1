using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PatientForum.Web.Data;

/// <summary>
/// Moves a SQLite forum into an empty PostgreSQL database (<c>db copy --to-postgres</c>): applies the PostgreSQL
/// migrations, then copies every table of the model, keys included, in one transaction on the target, so a failure
/// leaves it as empty as it was. The tables come from the model, not from a list, so a table added later is copied too.
/// </summary>
public static class DatabaseCopy
{
    private const int BatchSize = 1000;

    private static readonly MethodInfo s_copyRows =
        typeof(DatabaseCopy).GetMethod(nameof(CopyRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Rows copied into one table.</summary>
    public sealed record TableCopy(string Table, long Rows);

    /// <summary>
    /// Copies <paramref name="source"/> into the PostgreSQL database named by <paramref name="connectionString"/>.
    /// Throws <see cref="InvalidOperationException"/>, having written no forum data, when the source is not SQLite
    /// or the target already holds any row.
    /// </summary>
    public static async Task<IReadOnlyList<TableCopy>> ToPostgresAsync(ForumDbContext source, string connectionString, CancellationToken cancellationToken)
    {
        if (!source.Database.IsSqlite())
        {
            throw new InvalidOperationException(
                "db copy reads a SQLite forum, but this forum is configured for PostgreSQL (Forum:Database:Provider). "
                + "Run it with the SQLite settings the forum had.");
        }

        await using var target = new PostgresForumDbContext(
            new DbContextOptionsBuilder<PostgresForumDbContext>().UseNpgsql(connectionString).Options);
        await target.Database.MigrateAsync(cancellationToken);
        target.ChangeTracker.AutoDetectChangesEnabled = false;

        var tables = InDependencyOrder(source.Model);
        await using var written = await target.Database.BeginTransactionAsync(cancellationToken);
        await RefuseUnlessEmptyAsync(target, tables, cancellationToken);

        // One read snapshot of the source, so rows written meanwhile by a running forum cannot break a foreign key.
        // Deferred: SQLite's default BEGIN IMMEDIATE would hold the write lock, and the forum's writers, for the whole copy.
        await source.Database.OpenConnectionAsync(cancellationToken);
        await using var snapshot = ((SqliteConnection)source.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await source.Database.UseTransactionAsync(snapshot, cancellationToken);

        var copied = new List<TableCopy>();
        foreach (var table in tables)
        {
            var rows = await (Task<long>)s_copyRows.MakeGenericMethod(table.ClrType).Invoke(null, [source, target, cancellationToken])!;
            copied.Add(new TableCopy(table.GetTableName()!, rows));
        }
        await ResetIdentitySequencesAsync(target, cancellationToken);
        await written.CommitAsync(cancellationToken);

        // Statistics now, not when autovacuum gets round to it: without them the planner takes a word found in
        // most posts for a rare one, and search reads every match.
        await target.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        return copied;
    }

    /// <summary>
    /// Each table's entity type after every table its foreign keys point to. A table that referred to itself would be
    /// ordered only within each batch (by SaveChanges); the model has none.
    /// </summary>
    private static List<IEntityType> InDependencyOrder(IModel model)
    {
        var pending = model.GetEntityTypes()
            .Where(e => e.BaseType is null && !e.IsOwned() && e.GetTableName() is not null)
            .OrderBy(e => e.GetTableName(), StringComparer.Ordinal)
            .ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(e => e.GetForeignKeys()
                    .Select(fk => fk.PrincipalEntityType.GetRootType())
                    .All(principal => principal == e || ordered.Contains(principal)))
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException(
                    $"The foreign keys between {string.Join(", ", pending.Select(e => e.GetTableName()))} form a cycle; db copy cannot order them.");
            }
            ordered.AddRange(ready);
            pending.RemoveAll(ready.Contains);
        }
        return ordered;
    }

    private static async Task RefuseUnlessEmptyAsync(PostgresForumDbContext target, List<IEntityType> tables, CancellationToken cancellationToken)
    {
        var sql = target.GetService<ISqlGenerationHelper>();
        var occupied = new List<string>();
        foreach (var table in tables)
        {
            // The table name comes from the model, delimited; nothing here comes from the user.
            var exists = $"SELECT EXISTS (SELECT 1 FROM {sql.DelimitIdentifier(table.GetTableName()!, table.GetSchema())}) AS \"Value\"";
            if (await target.Database.SqlQueryRaw<bool>(exists).SingleAsync(cancellationToken))
            {
                occupied.Add(table.GetTableName()!);
            }
        }
        if (occupied.Count > 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL database already holds forum data (rows in {string.Join(", ", occupied)}). "
                + "db copy only fills an empty database; nothing was copied.");
        }
    }

    /// <summary>
    /// Copies one table in batches. The query tracks each row because only a tracked entry holds the values of
    /// shadow properties; the entry is let go as soon as it is copied, so memory holds one batch at most.
    /// </summary>
    private static async Task<long> CopyRowsAsync<TEntity>(ForumDbContext source, ForumDbContext target, CancellationToken cancellationToken)
        where TEntity : class
    {
        long copied = 0;
        var rows = source.Set<TEntity>().IgnoreQueryFilters().AsTracking().AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var from = source.Entry(row);
            var to = target.Entry(from.CurrentValues.ToObject());
            foreach (var property in to.Metadata.GetProperties())
            {
                to.Property(property.Name).CurrentValue = ForPostgres(from.Property(property.Name).CurrentValue);
            }

            // Added, never Modified: the audit log's guard in ForumDbContext and its trigger allow inserts only.
            to.State = EntityState.Added;
            from.State = EntityState.Detached;
            if (++copied % BatchSize == 0)
            {
                await SaveBatchAsync(target, cancellationToken);
            }
        }
        await SaveBatchAsync(target, cancellationToken);
        return copied;
    }

    private static async Task SaveBatchAsync(ForumDbContext target, CancellationToken cancellationToken)
    {
        await target.SaveChangesAsync(cancellationToken);
        target.ChangeTracker.Clear();
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>PostgreSQL's timestamptz takes offsets of zero only; the instant is what matters.</summary>
    private static object? ForPostgres(object? value) => value is DateTimeOffset time ? time.ToUniversalTime() : value;

    /// <summary>
    /// Rows came with their ids, which leaves each identity sequence at its start; move it past the largest id so
    /// the next post or flag gets a fresh one.
    /// </summary>
    private static async Task ResetIdentitySequencesAsync(PostgresForumDbContext target, CancellationToken cancellationToken)
    {
        var sql = target.GetService<ISqlGenerationHelper>();
        foreach (var entityType in target.Model.GetEntityTypes().Where(e => e.BaseType is null && e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
            foreach (var property in entityType.GetProperties().Where(p => NpgsqlPropertyExtensions.GetValueGenerationStrategy(p) is
                NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.IdentityAlwaysColumn or NpgsqlValueGenerationStrategy.SerialColumn))
            {
                var columnName = property.GetColumnName(table)!;
                var column = sql.DelimitIdentifier(columnName);
                var setval = $"SELECT setval(pg_get_serial_sequence({Literal(tableName)}, {Literal(columnName)}), "
                    + $"COALESCE(MAX({column}), 1), MAX({column}) IS NOT NULL) FROM {tableName}";
                await target.Database.ExecuteSqlRawAsync(setval, cancellationToken);
            }
        }
    }
}
