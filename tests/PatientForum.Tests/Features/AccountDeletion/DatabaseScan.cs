using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;
using PatientForum.Web.Data;

namespace PatientForum.Tests.Features.AccountDeletion;

/// <summary>
/// Looks for a piece of text in every text column of every table the forum's model maps, and in the search index
/// (SQLite's FTS5 table; PostgreSQL's tsvector), case-insensitively. Returns where it was found, as "Table.Column".
/// </summary>
public static class DatabaseScan
{
    public static async Task<IReadOnlyList<string>> FindAsync(ForumFactory forum, string text)
    {
        var columns = await ModerationState.QueryAsync(forum, db => Task.FromResult(TextColumns(db)));
        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            var count = await forum.Database.ScalarAsync<long>(
                $"SELECT COUNT(*) FROM \"{table}\" WHERE LOWER(\"{column}\") LIKE @text", ("text", $"%{text.ToLowerInvariant()}%"));
            if (count > 0)
            {
                found.Add($"{table}.{column}");
            }
        }
        if (await InSearchIndexAsync(forum, text))
        {
            found.Add("search index");
        }
        return found;
    }

    /// <summary>Whether the search index holds the word: FTS5 scanned as text, or a tsvector matched.</summary>
    private static async Task<bool> InSearchIndexAsync(ForumFactory forum, string text) =>
        TestDatabase.IsPostgres
            ? await forum.Database.ScalarAsync<long>(
                "SELECT COUNT(*) FROM \"Posts\" WHERE \"SearchVector\" @@ plainto_tsquery('english', @text)", ("text", text)) > 0
            : await forum.Database.ScalarAsync<long>(
                "SELECT COUNT(*) FROM PostSearch WHERE LOWER(title) LIKE @text OR LOWER(body) LIKE @text", ("text", $"%{text.ToLowerInvariant()}%")) > 0;

    private static List<(string Table, string Column)> TextColumns(ForumDbContext db) =>
        db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .SelectMany(e =>
            {
                var table = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
                return e.GetProperties()
                    .Where(p => p.ClrType == typeof(string) && p.GetColumnName(table) is not null)
                    .Select(p => (table.Name, p.GetColumnName(table)!));
            })
            .Distinct()
            .ToList();
}
