using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.TopicAdmin;

/// <summary>
/// A topic's address, /t/{slug}: checked when an admin gives a topic a new one, and kept working after a change, every
/// former slug redirecting (301) to the topic's address now (<see cref="UseTopicSlugRedirects"/>).
/// </summary>
public static partial class TopicSlugs
{
    /// <summary>Why <paramref name="slug"/> cannot be the address of topic <paramref name="topicId"/> (0 for a new one), or null.</summary>
    public static async Task<string?> ProblemAsync(ForumDbContext db, string slug, int topicId, CancellationToken cancellationToken)
    {
        if (slug.Length is < 2 or > 80 || !Pattern().IsMatch(slug))
        {
            return "An address has 2 to 80 lower-case letters, digits and single hyphens, such as \"back-pain\".";
        }
        if (await db.Topics.AnyAsync(t => t.Slug == slug && t.Id != topicId, cancellationToken))
        {
            return $"Another topic (an archived one, perhaps) has the address /t/{slug}.";
        }
        if (await db.TopicSlugRedirects.AnyAsync(r => r.Slug == slug && r.TopicId != topicId, cancellationToken))
        {
            return $"/t/{slug} was another topic's address, and its old links lead there: choose another.";
        }
        return null;
    }

    /// <summary>
    /// Gives <paramref name="topic"/> the address <paramref name="slug"/>: its old one redirects from now on, and the
    /// treatments offered in the topic name it by its new one. The caller saves.
    /// </summary>
    public static async Task MoveAsync(ForumDbContext db, Topic topic, string slug, DateTime now, CancellationToken cancellationToken)
    {
        var old = topic.Slug;
        // Back to an address it had before: that one no longer redirects.
        db.TopicSlugRedirects.RemoveRange(await db.TopicSlugRedirects.Where(r => r.Slug == slug && r.TopicId == topic.Id).ToListAsync(cancellationToken));
        db.TopicSlugRedirects.Add(new TopicSlugRedirect { Slug = old, TopicId = topic.Id, ChangedAt = now });
        foreach (var treatment in await db.Treatments.ToListAsync(cancellationToken))
        {
            var slugs = treatment.TopicSlugs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (slugs.Contains(old, StringComparer.Ordinal))
            {
                treatment.TopicSlugs = string.Join(' ', slugs.Select(s => s == old ? slug : s));
            }
        }
        topic.Slug = slug;
    }

    /// <summary>
    /// Answers a request for a page under a former topic address, which found nothing there (404), with a permanent
    /// redirect to the same page under the topic's address now. Runs inside the status-code pages, so it sees the 404
    /// before the error page is written.
    /// </summary>
    public static IApplicationBuilder UseTopicSlugRedirects(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted
            || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || TopicPath().Match(context.Request.Path.Value ?? "") is not { Success: true } match)
        {
            return;
        }
        var former = Uri.UnescapeDataString(match.Groups[1].Value);
        var db = context.RequestServices.GetRequiredService<ForumDbContext>();
        var current = await db.TopicSlugRedirects.AsNoTracking().Where(r => r.Slug == former && r.Topic!.ArchivedAt == null)
            .Select(r => r.Topic!.Slug).SingleOrDefaultAsync(context.RequestAborted);
        if (current is not null)
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = ForumUrls.Topic(current) + match.Groups[2].Value + context.Request.QueryString;
        }
    });

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("^/t/([^/]+)(/.*)?$")]
    private static partial Regex TopicPath();
}
