using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Search;

/// <summary>
/// Full-text search on SQLite's FTS5 table PostSearch (rowid = post id), which triggers keep in step with
/// Posts and Threads inside the same transaction (see <see cref="SqliteSearchSchema"/>).
/// </summary>
public sealed class SqliteSearchEngine(ForumDbContext db) : FullTextSearchEngine(db)
{
    /// <summary>Title matches weigh more than body matches; bm25 is lower for better matches.</summary>
    private const string Rank = "bm25(PostSearch, 8.0, 1.0)";

    /// <remarks>FTS5 reads matches from its own index, word positions included, so a wide window stays cheap.</remarks>
    public override int RankWindow => 20_000;

    protected override List<DbParameter> MatchParameters(SearchQuery query) => [new SqliteParameter("@match", ToFts(query.Terms))];

    /// <remarks>FTS5 hands matches over newest first without ranking them; bm25 runs only on the rows the window lets out.</remarks>
    protected override string TopMatchesSql(SearchQuery query) => query.Sort == SearchSort.Newest
        ? $"SELECT rowid AS PostId, {Rank} AS Score FROM PostSearch WHERE PostSearch MATCH @match ORDER BY rowid DESC LIMIT @candidates"
        : $"""
            SELECT PostId, Score FROM (
                SELECT rowid AS PostId, {Rank} AS Score FROM PostSearch WHERE PostSearch MATCH @match
                ORDER BY rowid DESC LIMIT {RankWindow})
            ORDER BY Score LIMIT @candidates
            """;

    /// <remarks>
    /// The match is the outer loop and hands over rowids newest first itself (ORDER BY rowid DESC is consumed by
    /// FTS5, not sorted), so the query stops once the window is full. In a subquery instead, SQLite may flatten it
    /// and drop its ORDER BY, and the window would hold the oldest matches.
    /// </remarks>
    protected override string WindowSql(SearchQuery query, string related, string conditions) => $"""
        SELECT p.Id AS PostId, {Rank} AS Score
        FROM PostSearch
        JOIN Posts p ON p.Id = PostSearch.rowid
        {related}
        WHERE PostSearch MATCH @match AND {conditions}
        ORDER BY PostSearch.rowid DESC
        LIMIT {RankWindow}
        """;

    protected override string MatchIdsSql(SearchQuery query) => "SELECT rowid AS PostId FROM PostSearch WHERE PostSearch MATCH @match";

    /// <remarks>
    /// The unary + keeps FTS5 from looking each id up on its own (a seek per id); it scans the match once and
    /// ranks only the rows in the set.
    /// </remarks>
    protected override string RankSql(SearchQuery query, string ids) =>
        $"SELECT rowid AS PostId, {Rank} AS Score FROM PostSearch WHERE PostSearch MATCH @match AND +rowid IN (SELECT PostId FROM {ids})";

    protected override DbParameter Parameter(string name, object value) => new SqliteParameter("@" + name, value);

    protected override string Name(string identifier) => identifier;

    protected override async Task<Dictionary<int, string>> SnippetsAsync(SearchQuery query, IReadOnlyList<int> postIds, CancellationToken cancellationToken)
    {
        // The ids are integers read back from the database a moment ago, so they are safe to inline.
        var sql = "SELECT rowid AS PostId, snippet(PostSearch, -1, char(1), char(2), '…', 16) AS Snippet "
            + "FROM PostSearch WHERE PostSearch MATCH @match AND rowid IN (" + string.Join(',', postIds) + ")";
        var rows = await Db.Database.SqlQueryRaw<SnippetRow>(sql, [.. MatchParameters(query)]).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.PostId, r => r.Snippet);
    }

    public override async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        await Db.Database.ExecuteSqlRawAsync("DELETE FROM PostSearch;", cancellationToken);
        var count = await Db.Database.ExecuteSqlRawAsync(SqliteSearchSchema.PopulateSql, cancellationToken);
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
}
