using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Features.ContentWarnings;
using PatientForum.Web.Features.Threads;

namespace PatientForum.Web.Features.Search;

/// <summary>
/// What both engines share: the match runs first, newest first, so no planner can start from the joined filters
/// (which takes seconds on large forums) and the query stops once it has enough; then the visibility and filter
/// joins, then snippets for one page only. Each provider's subclass supplies its dialect: the match, the score and
/// the snippet.
/// </summary>
/// <remarks>
/// Every search has a deadline (Forum:Search:TimeoutMilliseconds, on the forum's clock): each engine stops a statement
/// that runs past it in its own way (<see cref="LimitTimeAsync"/>), and a stopped search ends in
/// <see cref="SearchTimedOutException"/>.
/// </remarks>
public abstract class FullTextSearchEngine(ForumDbContext db, IOptions<SearchOptions> options, TimeProvider clock) : ISearchEngine
{
    /// <summary>
    /// How many of the newest matches a search ranks when more match. Ranking reads every matching row, so ranking
    /// every match of a word found in most posts takes a second or more on a million posts; ranking the newest
    /// matches keeps it flat, and a word that common says little about relevance anyway. Each engine sets it from
    /// what a match costs it.
    /// </summary>
    public abstract int RankWindow { get; }

    protected ForumDbContext Db => db;

    protected TimeProvider Clock => clock;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        if (!query.IsSearchable)
        {
            return new SearchResults([], false);
        }
        var deadline = clock.GetUtcNow() + TimeSpan.FromMilliseconds(options.Value.TimeoutMilliseconds);
        try
        {
            await using var limit = await LimitTimeAsync(deadline, cancellationToken);
            return await SearchWithinAsync(query, deadline, cancellationToken);
        }
        catch (Exception ex) when (IsTimeout(ex))
        {
            throw new SearchTimedOutException(ex);
        }
    }

    /// <summary>
    /// Makes the engine stop any statement of this search still running at <paramref name="deadline"/>, until the
    /// returned handle is disposed.
    /// </summary>
    protected abstract Task<IAsyncDisposable> LimitTimeAsync(DateTimeOffset deadline, CancellationToken cancellationToken);

    /// <summary>Called before each statement of the search; throws <see cref="SearchTimedOutException"/> when the deadline has passed.</summary>
    protected virtual void BeforeStatement(DateTimeOffset deadline)
    {
        if (clock.GetUtcNow() >= deadline)
        {
            throw new SearchTimedOutException();
        }
    }

    /// <summary>Whether <paramref name="exception"/> is the engine saying it stopped a statement at the deadline.</summary>
    protected abstract bool IsTimeout(Exception exception);

    private async Task<SearchResults> SearchWithinAsync(SearchQuery query, DateTimeOffset deadline, CancellationToken cancellationToken)
    {

        // Without filters, first try only the best few hundred matches: hidden posts rarely remove enough of
        // them to leave a page short. If they do, and there were more matches, search the whole window. Filtered
        // searches go straight to the window of matches that pass the filters, since a narrow filter would empty
        // the candidates.
        var wanted = query.Page * query.PageSize + 1;
        var candidates = wanted * 5 + 200;
        var filtered = IsFiltered(query);
        var (rows, candidatesUsed) = await PageAsync(query, filtered ? null : candidates, deadline, cancellationToken);
        if (rows.Count < Math.Min(wanted, query.PageSize + 1) && candidatesUsed >= candidates && !filtered)
        {
            (rows, _) = await PageAsync(query, null, deadline, cancellationToken);
        }

        var page = rows.Take(query.PageSize).ToList();
        if (page.Count > 0)
        {
            BeforeStatement(deadline);
        }
        var snippets = page.Count == 0 ? [] : await SnippetsAsync(query, page.Select(r => r.PostId).ToList(), cancellationToken);
        var marks = await MarksAsync(page.Select(r => r.PostId).ToList(), cancellationToken);
        var hits = page
            .Select(r => (Row: r, Warnings: marks.GetValueOrDefault(r.PostId)?.Warnings, Noted: marks.GetValueOrDefault(r.PostId)?.Noted == true))
            .Select(h => new SearchHit(h.Row.PostId, h.Row.ThreadId, h.Row.ThreadTitle, h.Row.ThreadSlug, h.Row.TopicSlug, h.Row.TopicName, h.Row.AuthorName,
                DateTime.SpecifyKind(h.Row.CreatedAt, DateTimeKind.Utc),
                // A warned post's text never reaches the page, not even as a snippet the view might leave out.
                PostExcerpts.MayExcerpt(h.Warnings) ? Snippets.ToHtml(snippets.GetValueOrDefault(h.Row.PostId, "")) : "", (PostState)h.Row.State,
                StaffBadges.OfRole(h.Row.AuthorRole), h.Warnings, h.Noted))
            .ToList();
        return new SearchResults(hits, rows.Count > query.PageSize);
    }

    public abstract Task<int> RebuildAsync(CancellationToken cancellationToken);

    /// <summary>The content warnings and moderator notes of the page's marked posts, by post id (one small query, by primary key).</summary>
    private async Task<Dictionary<int, PostMarks>> MarksAsync(List<int> postIds, CancellationToken cancellationToken) =>
        postIds.Count == 0
            ? []
            : await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id) && (p.ContentWarnings != null || p.ModeratorNote != null))
                .ToDictionaryAsync(p => p.Id, p => new PostMarks(p.ContentWarnings, p.ModeratorNote != null), cancellationToken);

    private sealed record PostMarks(string? Warnings, bool Noted);

    /// <summary>The parameters that carry the match itself (the reader's terms), named by the dialect.</summary>
    protected abstract List<DbParameter> MatchParameters(SearchQuery query);

    /// <summary>
    /// SQL selecting <c>PostId</c> and <c>Score</c> (lower is better) of the best <c>@candidates</c> matches, or the
    /// newest when sorted by date, from the newest <see cref="RankWindow"/> matches.
    /// </summary>
    protected abstract string TopMatchesSql(SearchQuery query);

    /// <summary>
    /// SQL selecting <c>PostId</c> and <c>Score</c> of the newest <see cref="RankWindow"/> matches that pass
    /// <paramref name="conditions"/>, over p (the post, joined to the match) and <paramref name="related"/> (t, tp, u).
    /// The match must lead, newest first, so the query stops once the window is full.
    /// </summary>
    protected abstract string WindowSql(SearchQuery query, string related, string conditions);

    /// <summary>SQL selecting <c>PostId</c> of every matching post, unranked.</summary>
    protected abstract string MatchIdsSql(SearchQuery query);

    /// <summary>
    /// SQL selecting <c>PostId</c> and <c>Score</c> (lower is better) of the posts whose ids are in
    /// <paramref name="ids"/>.<c>PostId</c> and that match.
    /// </summary>
    protected abstract string RankSql(SearchQuery query, string ids);

    protected abstract DbParameter Parameter(string name, object value);

    /// <summary>A quoted identifier in the dialect, e.g. <c>"Posts"</c>.</summary>
    protected abstract string Name(string identifier);

    /// <summary>Text with each match between <see cref="Snippets.Open"/> and <see cref="Snippets.Close"/>, per post id.</summary>
    protected abstract Task<Dictionary<int, string>> SnippetsAsync(SearchQuery query, IReadOnlyList<int> postIds, CancellationToken cancellationToken);

    /// <summary>
    /// One page of rows, from the top <paramref name="candidates"/> matches, or from the newest
    /// <see cref="RankWindow"/> matches that pass the filters when <paramref name="candidates"/> is null: ranking and
    /// reading every match's post are what cost on a large forum.
    /// </summary>
    private async Task<(List<Row> Rows, int Candidates)> PageAsync(SearchQuery query, int? candidates, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var parameters = MatchParameters(query);
        if (candidates is not null)
        {
            parameters.Add(Parameter("candidates", candidates));
        }
        string N(string identifier) => Name(identifier);
        var related = $"""
            JOIN {N("Threads")} t ON t.{N("Id")} = p.{N("ThreadId")}
            JOIN {N("Topics")} tp ON tp.{N("Id")} = t.{N("TopicId")}
            JOIN {N("AspNetUsers")} u ON u.{N("Id")} = p.{N("AuthorId")}
            """;
        var joins = $"JOIN {N("Posts")} p ON p.{N("Id")} = m.{N("PostId")}\n{related}";
        var conditions = Conditions(query, parameters);
        var match = (candidates, query.Author) switch
        {
            (not null, _) => $"m AS MATERIALIZED ({TopMatchesSql(query)})",

            // A member's posts are few: start from them (through the author index), and match only those.
            (null, not null) => $"""
                kept AS MATERIALIZED (
                    SELECT p.{N("Id")} AS {N("PostId")} FROM {N("Posts")} p {related}
                    WHERE {conditions} ORDER BY p.{N("Id")} DESC LIMIT {RankWindow}),
                m AS MATERIALIZED ({RankSql(query, "kept")})
                """,
            _ => $"m AS MATERIALIZED ({WindowSql(query, related, conditions)})",
        };
        // A window already holds only posts that pass the conditions. Repeating a filter here would let the planner
        // start from it (every post in a topic) and look each one up in the window, which takes a second.
        var outerConditions = candidates is null ? "1 = 1" : conditions;
        var sql = new StringBuilder($"""
            WITH {match}
            SELECT p.{N("Id")} AS {N("PostId")}, t.{N("Id")} AS {N("ThreadId")}, t.{N("Title")} AS {N("ThreadTitle")},
                   t.{N("Slug")} AS {N("ThreadSlug")}, tp.{N("Slug")} AS {N("TopicSlug")}, tp.{N("Name")} AS {N("TopicName")},
                   u.{N("DisplayName")} AS {N("AuthorName")}, p.{N("CreatedAt")} AS {N("CreatedAt")}, p.{N("State")} AS {N("State")},
                   CASE WHEN p.{N("AsStaff")} THEN
                   (SELECT min(r.{N("Name")}) FROM {N("AspNetUserRoles")} ur JOIN {N("AspNetRoles")} r ON r.{N("Id")} = ur.{N("RoleId")}
                    WHERE ur.{N("UserId")} = u.{N("Id")}) END AS {N("AuthorRole")}
            FROM m
            {joins}
            WHERE {outerConditions}
            """);
        sql.Append(query.Sort == SearchSort.Newest
            ? $" ORDER BY p.{N("CreatedAt")} DESC, p.{N("Id")} DESC"
            : $" ORDER BY m.{N("Score")}, p.{N("Id")} DESC");
        sql.Append(" LIMIT @take OFFSET @skip");
        parameters.Add(Parameter("take", query.PageSize + 1));
        parameters.Add(Parameter("skip", (query.Page - 1) * query.PageSize));

        BeforeStatement(deadline);
        var rows = await db.Database.SqlQueryRaw<Row>(sql.ToString(), [.. parameters]).ToListAsync(cancellationToken);
        if (candidates is null)
        {
            return (rows, int.MaxValue);
        }
        List<DbParameter> countParameters = [.. MatchParameters(query), Parameter("candidates", candidates)];
        // Only whether there are at least as many matches as candidates matters here: count without ranking.
        var countSql = $"SELECT count(*) AS {N("Value")} FROM ({MatchIdsSql(query)} LIMIT @candidates) c";
        BeforeStatement(deadline);
        var matched = await db.Database
            .SqlQueryRaw<int>(countSql, [.. countParameters])
            .SingleAsync(cancellationToken);
        return (rows, matched);
    }

    /// <summary>Whether the reader narrowed the search by topic, author or dates.</summary>
    protected static bool IsFiltered(SearchQuery query) =>
        query.TopicSlug is not null || query.Author is not null || query.From is not null || query.To is not null;

    /// <summary>Visibility and the reader's filters over p (post), t (thread), tp (topic) and u (author); adds their parameters.</summary>
    private string Conditions(SearchQuery query, List<DbParameter> parameters)
    {
        string N(string identifier) => Name(identifier);
        var conditions = new List<string> { "1 = 1" };
        if (!query.IncludeHidden)
        {
            conditions.Add($"p.{N("State")} = 0 AND NOT t.{N("IsHidden")}");
        }
        if (!query.IncludeMembersOnly)
        {
            // The rule of ThreadAccess.OpenTo, in SQL: public threads in topics that are not members-only.
            conditions.Add($"t.{N("Audience")} = {(int)ThreadAudience.Public} AND NOT tp.{N("MembersOnly")}");
        }
        if (query.TopicSlug is not null)
        {
            // The topic's id first, so the planner estimates the filter as one topic of a few, not one row in a join.
            conditions.Add($"t.{N("TopicId")} = (SELECT {N("Id")} FROM {N("Topics")} WHERE {N("Slug")} = @topic)");
            parameters.Add(Parameter("topic", query.TopicSlug));
        }
        if (query.Author is not null)
        {
            conditions.Add($"u.{N("NormalizedDisplayName")} = @author");
            parameters.Add(Parameter("author", DisplayNames.Normalize(query.Author)));
        }
        if (query.From is { } from)
        {
            conditions.Add($"p.{N("CreatedAt")} >= @from");
            parameters.Add(Parameter("from", from));
        }
        if (query.To is { } to)
        {
            conditions.Add($"p.{N("CreatedAt")} < @to");
            parameters.Add(Parameter("to", to));
        }
        return string.Join(" AND ", conditions);
    }

    private sealed record Row(
        int PostId, int ThreadId, string ThreadTitle, string ThreadSlug, string TopicSlug, string TopicName, string AuthorName,
        DateTime CreatedAt, int State, string? AuthorRole);

    protected sealed record SnippetRow(int PostId, string Snippet);
}
