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

        // Without filters, first try only the best few hundred matches: hidden posts rarely remove enough of
        // them to leave a page short. If they do, and there were more matches, search them all. Filtered
        // searches go straight to all matches, since a narrow filter would empty the candidates.
        var wanted = query.Page * query.PageSize + 1;
        var candidates = wanted * 5 + 200;
        var filtered = query.TopicSlug is not null || query.Author is not null || query.From is not null || query.To is not null;
        var (rows, candidatesUsed) = await PageAsync(query, filtered ? null : candidates, cancellationToken);
        if (rows.Count < Math.Min(wanted, query.PageSize + 1) && candidatesUsed >= candidates && !filtered)
        {
            (rows, _) = await PageAsync(query, null, cancellationToken);
        }

        var page = rows.Take(query.PageSize).ToList();
        var snippets = await SnippetsAsync(ToFts(query.Terms), page.Select(r => r.PostId), cancellationToken);
        var hits = page
            .Select(r => new SearchHit(r.PostId, r.ThreadId, r.ThreadTitle, r.ThreadSlug, r.TopicSlug, r.TopicName, r.AuthorName,
                DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), Snippets.ToHtml(snippets.GetValueOrDefault(r.PostId, "")), (PostState)r.State))
            .ToList();
        return new SearchResults(hits, rows.Count > query.PageSize);
    }

    /// <summary>One page of rows, from the top <paramref name="candidates"/> matches (or all matches when null).</summary>
    private async Task<(List<Row> Rows, int Candidates)> PageAsync(SearchQuery query, int? candidates, CancellationToken cancellationToken)
    {
        var parameters = new List<SqliteParameter> { new("@match", ToFts(query.Terms)) };
        var order = query.Sort == SearchSort.Newest ? "rowid DESC" : "Score";
        var limit = candidates is null ? "" : " ORDER BY " + order + " LIMIT @candidates";
        if (candidates is not null)
        {
            parameters.Add(new("@candidates", candidates));
        }
        var sql = new StringBuilder($"""
            WITH m AS MATERIALIZED (
                SELECT rowid AS PostId, {Rank} AS Score FROM PostSearch WHERE PostSearch MATCH @match{limit}
            )
            SELECT p.Id AS PostId, t.Id AS ThreadId, t.Title AS ThreadTitle, t.Slug AS ThreadSlug, tp.Slug AS TopicSlug,
                   tp.Name AS TopicName, u.DisplayName AS AuthorName, p.CreatedAt AS CreatedAt, p.State AS State
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
        if (candidates is null)
        {
            return (rows, int.MaxValue);
        }
        var matched = await db.Database
            .SqlQueryRaw<int>("SELECT count(*) AS Value FROM (SELECT rowid FROM PostSearch WHERE PostSearch MATCH @match LIMIT @candidates)",
                new SqliteParameter("@match", parameters[0].Value), new SqliteParameter("@candidates", candidates))
            .SingleAsync(cancellationToken);
        return (rows, matched);
    }

    /// <summary>Snippets for one page of hits only: making them is the costly part of a common-term search.</summary>
    private async Task<Dictionary<int, string>> SnippetsAsync(string match, IEnumerable<int> postIds, CancellationToken cancellationToken)
    {
        var ids = string.Join(',', postIds);
        if (ids.Length == 0)
        {
            return [];
        }
        // The ids are integers read back from the database a moment ago, so they are safe to inline.
        var sql = "SELECT rowid AS PostId, snippet(PostSearch, -1, char(1), char(2), '…', 16) AS Snippet "
            + "FROM PostSearch WHERE PostSearch MATCH @match AND rowid IN (" + ids + ")";
        var rows = await db.Database.SqlQueryRaw<SnippetRow>(sql, new SqliteParameter("@match", match)).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.PostId, r => r.Snippet);
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
        DateTime CreatedAt, int State);

    private sealed record SnippetRow(int PostId, string Snippet);
}
