using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Treatments;

/// <summary>A treatment the composer offers: its slug (the form's value) and name.</summary>
public sealed record TreatmentChoice(string Slug, string Name);

/// <summary>The treatment fields with the treatments offered in the topic; <paramref name="Open"/>: shown unfolded (filled in, or refused).</summary>
public sealed record TreatmentFieldsModel(TreatmentForm Form, IReadOnlyList<TreatmentChoice> Treatments, bool Open, bool Optional);

/// <summary>
/// The "Add your treatment details" section of the new-thread form and the fields of the record's edit form: the
/// topic's treatments first, then the others, then "Other treatment".
/// </summary>
public sealed class TreatmentFields(ForumDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? topicSlug, TreatmentForm form, bool optional = true)
    {
        var treatments = await db.Treatments.AsNoTracking().Where(t => t.SortOrder >= 0).OrderBy(t => t.SortOrder).ToListAsync(HttpContext.RequestAborted);
        var inTopic = treatments.Where(t => t.Slug != Treatment.OtherSlug && topicSlug is not null && t.TopicSlugs.Split(' ').Contains(topicSlug));
        var ordered = inTopic.Concat(treatments.Where(t => t.Slug != Treatment.OtherSlug)).Concat(treatments.Where(t => t.Slug == Treatment.OtherSlug))
            .DistinctBy(t => t.Slug)
            .Select(t => new TreatmentChoice(t.Slug, t.Name))
            .ToList();
        var open = !form.IsEmpty || ViewData.ModelState.Keys.Any(k => k.StartsWith(TreatmentFormReader.Prefix, StringComparison.Ordinal));
        return View("/Features/Treatments/Views/Components/TreatmentFields.cshtml", new TreatmentFieldsModel(form, ordered, open, optional));
    }
}

/// <summary>The record at the top of a thread, for a thread the page has already let the viewer read.</summary>
public sealed class TreatmentSummaryBox(TreatmentRecords records) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int threadId)
    {
        var summary = await records.SummaryAsync(threadId, UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier), HttpContext.RequestAborted);
        return summary is null ? Content("") : View("/Features/Treatments/Views/Components/TreatmentSummary.cshtml", summary);
    }
}

/// <summary>A topic page's treatments with their story counts, as the viewer may count them.</summary>
public sealed class TopicTreatments(TreatmentPages pages) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string topicSlug)
    {
        var rows = await pages.TopTreatmentsAsync(topicSlug, TreatmentPages.ScopeOf(UserClaimsPrincipal), HttpContext.RequestAborted);
        return rows.Count == 0 ? Content("") : View("/Features/Treatments/Views/Components/TopicTreatments.cshtml", rows);
    }
}
