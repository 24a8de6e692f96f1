using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using SQLitePCL;

namespace PatientForum.Web.Features.Search;

/// <summary>
/// Full-text search on SQLite's FTS5 table PostSearch (rowid = post id), which triggers keep in step with
/// Posts and Threads inside the same transaction (see <see cref="SqliteSearchSchema"/>).
/// </summary>
public sealed class SqliteSearchEngine(ForumDbContext db, IOptions<SearchOptions> options, TimeProvider clock) : FullTextSearchEngine(db, options, clock)
{
    /// <summary>SQLite's code for a statement its progress handler stopped.</summary>
    private const int Interrupted = 9;

    /// <summary>How many virtual-machine steps pass between looks at the clock: often enough to stop within a moment, rarely enough to cost nothing.</summary>
    private const int StepsBetweenChecks = 100;

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

    /// <remarks>
    /// Microsoft.Data.Sqlite cannot cancel a running statement, so SQLite's progress handler watches the clock on
    /// the search's connection and stops the statement once the deadline has passed. The connection stays open for
    /// the whole search, so the handler covers every statement, and is removed before it goes back to the pool.
    /// </remarks>
    protected override async Task<IAsyncDisposable> LimitTimeAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        await Db.Database.OpenConnectionAsync(cancellationToken);
        var handle = ((SqliteConnection)Db.Database.GetDbConnection()).Handle!;
        raw.sqlite3_progress_handler(handle, StepsBetweenChecks, static state => ((Deadline)state).IsPast ? 1 : 0, new Deadline(Clock, deadline));
        return new ProgressHandler(Db, handle);
    }

    /// <remarks>The progress handler stops a statement at the deadline; a check between statements would only repeat it.</remarks>
    protected override void BeforeStatement(DateTimeOffset deadline)
    {
    }

    protected override bool IsTimeout(Exception exception) => exception is SqliteException { SqliteErrorCode: Interrupted };

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

    private sealed class Deadline(TimeProvider clock, DateTimeOffset at)
    {
        public bool IsPast => clock.GetUtcNow() >= at;
    }

    private sealed class ProgressHandler(ForumDbContext db, SQLitePCL.sqlite3 handle) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            raw.sqlite3_progress_handler(handle, 0, null, null);
            await db.Database.CloseConnectionAsync();
        }
    }
}
