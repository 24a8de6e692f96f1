using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features.Treatments;

/// <summary>
/// The treatment pages: every treatment with its story count, and each treatment's charts (read from precounted
/// aggregates) with their JSON and CSV downloads and the list of the stories counted. Visitors see public stories;
/// members who read members-only threads see those counted too. The addresses are public contracts.
/// </summary>
public sealed class TreatmentsController(TreatmentPages pages) : Controller
{
    /// <summary>Named by the cached treatment pages: like the forum's page policy, and it varies by the area filter as well.</summary>
    public const string CachePolicy = "treatment-pages";

    [HttpGet(TreatmentUrls.Index)]
    [OutputCache(PolicyName = CachePolicy)]
    [PageCacheTag(TreatmentAggregator.CacheTag)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await pages.AllAsync(TreatmentPages.ScopeOf(User), cancellationToken));

    // "{slug}.json" and "{slug}.csv" are more specific than "{slug}", so routing sends the downloads to their own actions.
    [HttpGet("/treatments/{slug}")]
    [OutputCache(PolicyName = CachePolicy)]
    [PageCacheTag(TreatmentAggregator.CacheTag)]
    public async Task<IActionResult> Show(string slug, string? area, CancellationToken cancellationToken) =>
        await PageAsync(slug, area, cancellationToken) is { } page ? View(page) : NotFound();

    /// <summary>The same figures as the page, as JSON: counts and summary numbers only, never a record.</summary>
    [HttpGet("/treatments/{slug}.json")]
    [OutputCache(PolicyName = CachePolicy)]
    [PageCacheTag(TreatmentAggregator.CacheTag)]
    public async Task<IActionResult> Json(string slug, string? area, CancellationToken cancellationToken) =>
        await PageAsync(slug, area, cancellationToken) is { } page ? Json(TreatmentDownloads.ToJson(page)) : NotFound();

    /// <summary>The same figures as CSV, one row per figure and value.</summary>
    [HttpGet("/treatments/{slug}.csv")]
    [OutputCache(PolicyName = CachePolicy)]
    [PageCacheTag(TreatmentAggregator.CacheTag)]
    public async Task<IActionResult> Csv(string slug, string? area, CancellationToken cancellationToken)
    {
        if (await PageAsync(slug, area, cancellationToken) is not { } page)
        {
            return NotFound();
        }
        var name = page.Area is { } a ? $"{page.Slug}-{TreatmentLabels.Slug(a)}" : page.Slug;
        return File(TreatmentDownloads.ToCsv(page), "text/csv; charset=utf-8", $"{name}.csv");
    }

    /// <summary>
    /// The threads behind the charts, newest first; titles only (an aliased story shows no name here at all). Not cached:
    /// it lists thread titles, which change with the threads rather than with the charts.
    /// </summary>
    [HttpGet("/treatments/{slug}/stories")]
    public async Task<IActionResult> Stories(string slug, string? area, int page = 1, CancellationToken cancellationToken = default)
    {
        var bodyArea = TreatmentLabels.AreaFromSlug(area);
        if (area is not null && bodyArea is null)
        {
            return NotFound();
        }
        var treatment = await pages.PageAsync(slug, bodyArea, TreatmentPages.ScopeOf(User), cancellationToken);
        var stories = await pages.StoriesAsync(slug, bodyArea, Viewer.From(User), page, cancellationToken);
        if (treatment is null || stories is null)
        {
            return NotFound();
        }
        return View(new TreatmentStoriesPage(treatment, stories, Math.Max(page, 1)));
    }

    private async Task<TreatmentPage?> PageAsync(string slug, string? area, CancellationToken cancellationToken)
    {
        var bodyArea = TreatmentLabels.AreaFromSlug(area);
        return area is not null && bodyArea is null ? null : await pages.PageAsync(slug, bodyArea, TreatmentPages.ScopeOf(User), cancellationToken);
    }
}

/// <summary>The stories list: the treatment (for its name and the filter) and one page of stories.</summary>
public sealed record TreatmentStoriesPage(TreatmentPage Treatment, IReadOnlyList<TreatmentStory> Stories, int Page);
