using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Search;

/// <summary>
/// Full-text search on PostgreSQL: the <c>tsvector</c> column Posts.SearchVector with its GIN index, kept in step
/// by triggers (see <see cref="PostgresSearchSchema"/>). The reader's terms are passed as parameters to
/// <c>plainto_tsquery</c> and <c>phraseto_tsquery</c>, which read no syntax, so no input can break the query.
/// </summary>
public sealed class PostgresSearchEngine(ForumDbContext db, IOptions<SearchOptions> options, TimeProvider clock) : FullTextSearchEngine(db, options, clock)
{
    /// <summary>PostgreSQL's code for a statement cancelled, as Npgsql's command timeout does.</summary>
    private const string QueryCanceled = "57014";

    /// <summary>Matches marked with the snippet markers, in a passage of about the length SQLite's snippets have.</summary>
    private static readonly string s_headlineOptions = $"StartSel={Snippets.Open}, StopSel={Snippets.Close}, MaxWords=30, MinWords=12, ShortWord=3";

    /// <summary>
    /// ts_headline drops what its parser reads as HTML tags and entities, but a snippet must show the member's text as
    /// written. These characters stand in for &lt; &gt; &amp; while PostgreSQL picks the passage; stored text
    /// holds no control characters, so the swap back is exact.
    /// </summary>
    private const string Markup = "<>&";
    private const string MarkupStandIns = "\u0003\u0004\u0005";

    /// <remarks>
    /// The GIN index knows which posts hold a word but not in what order or where, so a window newest first tests
    /// posts one by one against the query (a phrase, or several common words, match only some of the posts tested).
    /// A narrower window than SQLite's keeps that walk short.
    /// </remarks>
    public override int RankWindow => 5_000;

    protected override List<DbParameter> MatchParameters(SearchQuery query) =>
        [.. query.Terms.Select((term, i) => new NpgsqlParameter("t" + i, TermText(term)))];

    /// <remarks>
    /// Walks the posts newest first through the primary key, testing each against the query, and stops once the
    /// window is full; ts_rank (negated, so lower is better as the shared ordering expects) runs on the window only.
    /// </remarks>
    protected override string TopMatchesSql(SearchQuery query)
    {
        var window = $"""
            SELECT p."Id" AS "PostId", -ts_rank(p."SearchVector", {TsQuery(query)}, 1) AS "Score"
            FROM "Posts" p WHERE p."SearchVector" @@ {TsQuery(query)} ORDER BY p."Id" DESC
            """;
        return query.Sort == SearchSort.Newest
            ? window + " LIMIT @candidates"
            : $"""SELECT "PostId", "Score" FROM ({window} LIMIT {RankWindow}) w ORDER BY "Score" LIMIT @candidates""";
    }

    /// <remarks>
    /// One query, so the planner can walk the posts newest first and join each match to its thread as it goes;
    /// ts_rank in the select list runs only on the rows the limit lets out.
    /// </remarks>
    protected override string WindowSql(SearchQuery query, string related, string conditions) => $"""
        SELECT p."Id" AS "PostId", -ts_rank(p."SearchVector", {TsQuery(query)}, 1) AS "Score"
        FROM "Posts" p
        {related}
        WHERE p."SearchVector" @@ {TsQuery(query)} AND {conditions}
        ORDER BY p."Id" DESC
        LIMIT {RankWindow}
        """;

    protected override string MatchIdsSql(SearchQuery query) =>
        $"""SELECT p."Id" AS "PostId" FROM "Posts" p WHERE p."SearchVector" @@ {TsQuery(query)}""";

    protected override string RankSql(SearchQuery query, string ids) =>
        $"""SELECT p."Id" AS "PostId", -ts_rank(p."SearchVector", {TsQuery(query)}, 1) AS "Score" FROM "Posts" p WHERE p."Id" IN (SELECT "PostId" FROM {ids}) AND p."SearchVector" @@ {TsQuery(query)}""";

    protected override DbParameter Parameter(string name, object value) => new NpgsqlParameter(name, value);

    protected override string Name(string identifier) => "\"" + identifier + "\"";

    protected override async Task<Dictionary<int, string>> SnippetsAsync(SearchQuery query, IReadOnlyList<int> postIds, CancellationToken cancellationToken)
    {
        // An opening post matched only by its thread's title shows the title, as SQLite's best-column snippet does.
        var sql = $"""
            SELECT p."Id" AS "PostId",
                   ts_headline('english',
                       translate(CASE WHEN p."IsOpening" AND NOT to_tsvector('english', p."Markdown") @@ {TsQuery(query)}
                                      THEN t."Title" ELSE p."Markdown" END, @markup, @standIns),
                       {TsQuery(query)}, @options) AS "Snippet"
            FROM "Posts" p JOIN "Threads" t ON t."Id" = p."ThreadId"
            WHERE p."Id" = ANY(@ids)
            """;
        List<DbParameter> parameters =
        [
            .. MatchParameters(query),
            new NpgsqlParameter("markup", Markup),
            new NpgsqlParameter("standIns", MarkupStandIns),
            new NpgsqlParameter("options", s_headlineOptions),
            new NpgsqlParameter("ids", postIds.ToArray()),
        ];
        var rows = await Db.Database.SqlQueryRaw<SnippetRow>(sql, [.. parameters]).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.PostId, r => Restore(r.Snippet));
    }

    private static string Restore(string snippet)
    {
        var text = snippet.ToCharArray();
        for (var i = 0; i < text.Length; i++)
        {
            var standIn = MarkupStandIns.IndexOf(text[i], StringComparison.Ordinal);
            if (standIn >= 0)
            {
                text[i] = Markup[standIn];
            }
        }
        return new string(text);
    }

    /// <remarks>The time left is given to each statement as Npgsql's command timeout, which cancels it in the server.</remarks>
    protected override Task<IAsyncDisposable> LimitTimeAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var before = Db.Database.GetCommandTimeout();
        return Task.FromResult<IAsyncDisposable>(new CommandTimeout(Db, before));
    }

    protected override void BeforeStatement(DateTimeOffset deadline)
    {
        base.BeforeStatement(deadline);
        var left = deadline - Clock.GetUtcNow();
        Db.Database.SetCommandTimeout((int)Math.Max(1, Math.Ceiling(left.TotalSeconds)));
    }

    protected override bool IsTimeout(Exception exception) =>
        exception is NpgsqlException { InnerException: TimeoutException } or PostgresException { SqlState: QueryCanceled };

    public override Task<int> RebuildAsync(CancellationToken cancellationToken) =>
        Db.Database.ExecuteSqlRawAsync(PostgresSearchSchema.PopulateSql, cancellationToken);

    /// <summary>
    /// The terms as one tsquery expression over parameters @t0, @t1… Words and phrases go through functions that
    /// read no operators; a prefix keeps only its letters and digits before <c>:*</c> is added.
    /// </summary>
    private static string TsQuery(SearchQuery query)
    {
        var included = new List<string>();
        var excluded = new List<string>();
        for (var i = 0; i < query.Terms.Count; i++)
        {
            var term = query.Terms[i];
            var expression = term switch
            {
                { IsPrefix: true } when TermText(term).Length > 0 => $"to_tsquery('simple', @t{i} || ':*')",
                { IsPhrase: true } => $"phraseto_tsquery('english', @t{i})",
                _ => $"plainto_tsquery('english', @t{i})",
            };
            (term.Excluded ? excluded : included).Add(term.Excluded ? "!!" + expression : expression);
        }
        var all = new StringBuilder("(").AppendJoin(" && ", included.Concat(excluded)).Append(')');
        return all.ToString();
    }

    private static string TermText(SearchTerm term) =>
        term.IsPrefix ? new string([.. term.Text.Where(char.IsLetterOrDigit)]).ToLowerInvariant() : term.Text;

    private sealed class CommandTimeout(ForumDbContext db, int? before) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            db.Database.SetCommandTimeout(before);
            return ValueTask.CompletedTask;
        }
    }
}
