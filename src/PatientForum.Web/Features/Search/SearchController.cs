using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Search;

public sealed record SearchPage(
    string? Q, string? Topic, string? Author, string? From, string? To, SearchSort Sort, bool IncludeHidden, bool CanIncludeHidden,
    IReadOnlyList<(string Slug, string Name)> Topics, SearchResults? Results, int Page, string? Problem);

/// <summary>Full-text search over thread titles and post text, open to everyone.</summary>
public sealed class SearchController(ISearchEngine engine, ForumDbContext db) : Controller
{
    private const int PageSize = 20;

    [HttpGet("/search")]
    public async Task<IActionResult> Index(
        string? q, string? topic, string? author, string? from, string? to, SearchSort sort = SearchSort.Relevance,
        bool hidden = false, int page = 1, CancellationToken cancellationToken = default)
    {
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new { t.Slug, t.Name }).ToListAsync(cancellationToken);
        var canIncludeHidden = Viewer.From(User).IsModerator;
        var fromDate = ParseDate(from);
        var toDate = ParseDate(to);
        string? problem = null;
        if ((from is { Length: > 0 } && fromDate is null) || (to is { Length: > 0 } && toDate is null))
        {
            problem = "Dates look like 2026-03-31.";
        }

        SearchResults? results = null;
        var terms = SearchQueryParser.Parse(q);
        if (problem is null && !string.IsNullOrWhiteSpace(q))
        {
            var query = new SearchQuery(
                terms, NullIfEmpty(topic), NullIfEmpty(author), fromDate, EndOfDay(toDate), sort, hidden && canIncludeHidden,
                Math.Clamp(page, 1, 1000), PageSize);
            results = await engine.SearchAsync(query, cancellationToken);
        }
        if (problem is not null || (!ModelState.IsValid && q is not null))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(new SearchPage(
            q, topic, author, from, to, sort, hidden && canIncludeHidden, canIncludeHidden,
            topics.Select(t => (t.Slug, t.Name)).ToList(), results, Math.Clamp(page, 1, 1000), problem));
    }

    private static DateTime? ParseDate(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;

    /// <summary>"To" includes its whole day; the last day there is has no end to add, so it means no upper bound.</summary>
    private static DateTime? EndOfDay(DateTime? to) => to is { } day && day < DateTime.MaxValue.Date ? day.AddDays(1) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
