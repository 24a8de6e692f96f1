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

    protected override List<DbParameter> MatchParameters(SearchQuery query) => [new SqliteParameter("@match", ToFts(query.Terms))];

    protected override string MatchSql(SearchQuery query, bool limited) => (limited, query.Sort) switch
    {
        (false, _) => $"SELECT rowid AS PostId, {Rank} AS Score FROM PostSearch WHERE PostSearch MATCH @match",
        (true, SearchSort.Newest) => $"SELECT rowid AS PostId, {Rank} AS Score FROM PostSearch WHERE PostSearch MATCH @match ORDER BY rowid DESC LIMIT @candidates",

        // FTS5 hands matches over newest first without ranking them; bm25 runs only on the rows the LIMIT lets out.
        _ => $"""
            SELECT PostId, Score FROM (
                SELECT rowid AS PostId, {Rank} AS Score FROM PostSearch WHERE PostSearch MATCH @match
                ORDER BY rowid DESC LIMIT {RankWindow})
            ORDER BY Score LIMIT @candidates
            """,
    };

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
