using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Search;

/// <summary>
/// Full-text search on SQLite's FTS5 table PostSearch (rowid = post id), which triggers keep in step with
/// Posts and Threads inside the same transaction (see the Search migration). The MATCH runs first in a
/// materialized CTE so the planner cannot start from the joined filters, which takes seconds on large forums.
/// </summary>
public sealed class SqliteSearchEngine(ForumDbContext db) : ISearchEngine
{
    /// <summary>Title matches weigh more than body matches.</summary>
    private const string Rank = "bm25(PostSearch, 8.0, 1.0)";

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        if (!query.IsSearchable)
        {
            return new SearchResults([], false);
        }
        var parameters = new List<SqliteParameter> { new("@match", ToFts(query.Terms)) };
        var sql = new StringBuilder($"""
            WITH m AS MATERIALIZED (
                SELECT rowid AS PostId, {Rank} AS Score,
                       snippet(PostSearch, -1, char(1), char(2), '…', 16) AS Snippet
                FROM PostSearch WHERE PostSearch MATCH @match
            )
            SELECT p.Id AS PostId, t.Id AS ThreadId, t.Title AS ThreadTitle, t.Slug AS ThreadSlug, tp.Slug AS TopicSlug,
                   tp.Name AS TopicName, u.DisplayName AS AuthorName, p.CreatedAt AS CreatedAt, m.Snippet AS Snippet, p.State AS State
            FROM m
            JOIN Posts p ON p.Id = m.PostId
            JOIN Threads t ON t.Id = p.ThreadId
            JOIN Topics tp ON tp.Id = t.TopicId
            JOIN AspNetUsers u ON u.Id = p.AuthorId
            WHERE 1 = 1
            """);
        if (!query.IncludeHidden)
        {
            sql.Append(" AND p.State = 0 AND t.IsHidden = 0");
        }
        if (query.TopicSlug is not null)
        {
            sql.Append(" AND tp.Slug = @topic");
            parameters.Add(new("@topic", query.TopicSlug));
        }
        if (query.Author is not null)
        {
            sql.Append(" AND u.NormalizedDisplayName = @author");
            parameters.Add(new("@author", query.Author.ToUpperInvariant()));
        }
        if (query.From is { } from)
        {
            sql.Append(" AND p.CreatedAt >= @from");
            parameters.Add(new("@from", from));
        }
        if (query.To is { } to)
        {
            sql.Append(" AND p.CreatedAt < @to");
            parameters.Add(new("@to", to));
        }
        sql.Append(query.Sort == SearchSort.Newest ? " ORDER BY p.CreatedAt DESC, p.Id DESC" : " ORDER BY m.Score, p.Id DESC");
        sql.Append(" LIMIT @take OFFSET @skip");
        parameters.Add(new("@take", query.PageSize + 1));
        parameters.Add(new("@skip", (query.Page - 1) * query.PageSize));

        var rows = await db.Database.SqlQueryRaw<Row>(sql.ToString(), [.. parameters]).ToListAsync(cancellationToken);
        var hits = rows.Take(query.PageSize)
            .Select(r => new SearchHit(r.PostId, r.ThreadId, r.ThreadTitle, r.ThreadSlug, r.TopicSlug, r.TopicName, r.AuthorName,
                DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), Snippets.ToHtml(r.Snippet), (PostState)r.State))
            .ToList();
        return new SearchResults(hits, rows.Count > query.PageSize);
    }

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM PostSearch;", cancellationToken);
        var count = await db.Database.ExecuteSqlRawAsync(SqliteSearchSchema.PopulateSql, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>Each term becomes a quoted FTS5 string, so nothing the reader types is read as FTS5 syntax.</summary>
    public static string ToFts(IReadOnlyList<SearchTerm> terms)
    {
        var included = terms.Where(t => !t.Excluded).Select(Quote);
        var excluded = terms.Where(t => t.Excluded).Select(t => "NOT " + Quote(t));
        return string.Join(' ', included.Concat(excluded));
    }

    private static string Quote(SearchTerm term) => "\"" + term.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (term.IsPrefix ? "*" : "");

    private sealed record Row(
        int PostId, int ThreadId, string ThreadTitle, string ThreadSlug, string TopicSlug, string TopicName, string AuthorName,
        DateTime CreatedAt, string Snippet, int State);
}
