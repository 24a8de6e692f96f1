using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Search;

/// <summary>The search page; <paramref name="Notes"/> says what was changed about the reader's words before searching.</summary>
public sealed record SearchPage(
    string? Q, string? Topic, string? Author, string? From, string? To, SearchSort Sort, bool IncludeHidden, bool CanIncludeHidden,
    IReadOnlyList<(string Slug, string Name)> Topics, SearchResults? Results, int Page, string? Problem, IReadOnlyList<string>? Notes = null);

/// <summary>
/// Full-text search over thread titles and post text, open to everyone, and so bounded in what it may cost: per-address
/// rate limit (Forum:RateLimits:SearchesPerMinute, 429 with Retry-After), short prefixes searched as whole words and at
/// most a dozen terms (<see cref="SearchQueryParser"/>), and a time limit (Forum:Search:TimeoutMilliseconds) past
/// which the reader is asked for fewer words.
/// </summary>
public sealed class SearchController(ISearchEngine engine, ForumDbContext db) : Controller
{
    public const string RateLimitPolicy = "search";

    private const int PageSize = 20;

    private const string TooSlow = "The search took too long, so it was stopped. Try fewer words, or longer words before a *.";

    [HttpGet("/search")]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> Index(
        string? q, string? topic, string? author, string? from, string? to, SearchSort sort = SearchSort.Relevance,
        bool hidden = false, int page = 1, CancellationToken cancellationToken = default)
    {
        var topics = await db.Topics.AsNoTracking().InUse().OrderBy(t => t.SortOrder).Select(t => new { t.Slug, t.Name }).ToListAsync(cancellationToken);
        var viewer = Viewer.From(User);
        var canIncludeHidden = viewer.IsModerator;
        var fromDate = ParseDate(from);
        var toDate = ParseDate(to);
        string? problem = null;
        if ((from is { Length: > 0 } && fromDate is null) || (to is { Length: > 0 } && toDate is null))
        {
            problem = "Dates look like 2026-03-31.";
        }

        SearchResults? results = null;
        var parsed = SearchQueryParser.Read(q);
        if (problem is null && !string.IsNullOrWhiteSpace(q))
        {
            var query = new SearchQuery(
                parsed.Terms, NullIfEmpty(topic), NullIfEmpty(author), fromDate, EndOfDay(toDate), sort, hidden && canIncludeHidden,
                Math.Clamp(page, 1, 1000), PageSize, viewer.ReadsMembersOnly);
            try
            {
                results = await engine.SearchAsync(query, cancellationToken);
            }
            catch (SearchTimedOutException)
            {
                // The database is busy or the words are costly: a server-side condition, so 503, with the form to try again.
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return View(new SearchPage(
                    q, topic, author, from, to, sort, hidden && canIncludeHidden, canIncludeHidden,
                    topics.Select(t => (t.Slug, t.Name)).ToList(), null, Math.Clamp(page, 1, 1000), TooSlow, Notes(parsed)));
            }
        }
        if (problem is not null || (!ModelState.IsValid && q is not null))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(new SearchPage(
            q, topic, author, from, to, sort, hidden && canIncludeHidden, canIncludeHidden,
            topics.Select(t => (t.Slug, t.Name)).ToList(), results, Math.Clamp(page, 1, 1000), problem, Notes(parsed)));
    }

    /// <summary>What the page says about the reader's words that were not searched as written.</summary>
    private static List<string> Notes(ParsedSearch parsed)
    {
        var notes = new List<string>();
        if (parsed.ShortPrefixes.Count > 0)
        {
            notes.Add($"A * needs at least {SearchQueryParser.MinPrefixLength} letters before it, so "
                + $"{string.Join(", ", parsed.ShortPrefixes)} {(parsed.ShortPrefixes.Count == 1 ? "was searched as a whole word" : "were searched as whole words")}.");
        }
        if (parsed.TermsDropped)
        {
            notes.Add($"Only the first {SearchQueryParser.MaxTerms} words were searched.");
        }
        return notes;
    }

    private static DateTime? ParseDate(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;

    /// <summary>"To" includes its whole day; the last day there is has no end to add, so it means no upper bound.</summary>
    private static DateTime? EndOfDay(DateTime? to) => to is { } day && day < DateTime.MaxValue.Date ? day.AddDays(1) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
