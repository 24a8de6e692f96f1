using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Treatments;

/// <summary>A treatment with its story count, for the index and topic pages.</summary>
public sealed record TreatmentCount(string Slug, string Name, string Description, int Stories);

/// <summary>A treatment page: the treatment, the area filter, the figures for the viewer's scope.</summary>
public sealed record TreatmentPage(string Slug, string Name, string Description, BodyArea? Area, TreatmentFigures Figures, IReadOnlyList<Bar> Areas);

/// <summary>A story in the "read the stories" list: only what the thread's own row would show, never its author.</summary>
public sealed record TreatmentStory(int ThreadId, string Title, string Slug, string BodyArea, string When, int PainBefore, int PainAfter);

/// <summary>Reads the precounted aggregates for the treatment pages: one row per request, however many stories there are.</summary>
public sealed class TreatmentPages(ForumDbContext db, IOptions<TreatmentOptions> options)
{
    public const int StoriesPerPage = 50;

    /// <summary>Members who read members-only threads see them counted; everyone else sees public stories only.</summary>
    public static ChartScope ScopeOf(ClaimsPrincipal user) => Viewer.From(user).ReadsMembersOnly ? ChartScope.Members : ChartScope.Public;

    public static string StoriesText(int count) => count == 1 ? "1 story" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} stories");

    public async Task<IReadOnlyList<TreatmentCount>> AllAsync(ChartScope scope, CancellationToken cancellationToken) =>
        await Counted(db.Treatments.AsNoTracking().Where(t => t.SortOrder >= 0), scope).ToListAsync(cancellationToken);

    /// <summary>The topic's treatments that have stories, most stories first.</summary>
    public async Task<IReadOnlyList<TreatmentCount>> TopTreatmentsAsync(string topicSlug, ChartScope scope, CancellationToken cancellationToken)
    {
        var all = await AllAsync(scope, cancellationToken);
        var inTopic = await db.Treatments.AsNoTracking().Where(t => t.SortOrder >= 0).Select(t => new { t.Slug, t.TopicSlugs }).ToListAsync(cancellationToken);
        var slugs = inTopic.Where(t => t.TopicSlugs.Split(' ').Contains(topicSlug)).Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        return [.. all.Where(t => slugs.Contains(t.Slug) && t.Stories > 0).OrderByDescending(t => t.Stories).Take(5)];
    }

    public async Task<TreatmentPage?> PageAsync(string slug, BodyArea? area, ChartScope scope, CancellationToken cancellationToken)
    {
        var treatment = await db.Treatments.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (treatment is null)
        {
            return null;
        }
        var rows = await db.TreatmentAggregates.AsNoTracking().Where(a => a.TreatmentId == treatment.Id && a.Scope == scope).ToListAsync(cancellationToken);
        var wanted = area is { } a ? (int)a : 0;
        var figures = TreatmentFigures.From(rows.SingleOrDefault(r => r.BodyArea == wanted), options.Value.MinimumStories, options.Value.PromptDays);
        var areas = TreatmentLabels.BodyAreas
            .Select(b => new Bar(b.Label, rows.SingleOrDefault(r => r.BodyArea == (int)b.Value)?.Stories ?? 0))
            .ToList();
        return new TreatmentPage(treatment.Slug, treatment.Name, treatment.Description, area, figures, areas);
    }

    /// <summary>The stories the charts count, newest first, as the viewer may read them.</summary>
    public async Task<IReadOnlyList<TreatmentStory>?> StoriesAsync(string slug, BodyArea? area, Viewer viewer, int page, CancellationToken cancellationToken)
    {
        if (!await db.Treatments.AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            return null;
        }
        var threads = db.Threads.AsNoTracking().OpenTo(viewer);
        var records = TreatmentAggregator.Counted(db).Where(r => r.Treatment!.Slug == slug && threads.Any(t => t.Id == r.ThreadId));
        if (area is { } a)
        {
            records = records.Where(r => r.BodyArea == a);
        }
        var rows = await records.OrderByDescending(r => r.ThreadId).Skip((Math.Max(page, 1) - 1) * StoriesPerPage).Take(StoriesPerPage)
            .Select(r => new { r.ThreadId, r.Thread!.Title, r.Thread.Slug, r.BodyArea, r.TreatedYear, r.TreatedMonth, r.PainBefore, r.PainAfter })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new TreatmentStory(r.ThreadId, r.Title, r.Slug, TreatmentLabels.Of(r.BodyArea),
            new DateTime(r.TreatedYear, r.TreatedMonth, 1, 0, 0, 0, DateTimeKind.Utc).ToString("MMMM yyyy", CultureInfo.InvariantCulture), r.PainBefore, r.PainAfter))];
    }

    private IQueryable<TreatmentCount> Counted(IQueryable<Treatment> treatments, ChartScope scope) =>
        treatments.OrderBy(t => t.SortOrder).Select(t => new TreatmentCount(
            t.Slug, t.Name, t.Description,
            db.TreatmentAggregates.Where(a => a.TreatmentId == t.Id && a.BodyArea == 0 && a.Scope == scope).Select(a => a.Stories).FirstOrDefault()));
}
