using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.ContentWarnings;
using PatientForum.Web.Features.Safety;
using PatientForum.Web.Infrastructure.Options;
using PatientForum.Web.Infrastructure.Time;

namespace PatientForum.Web.Features.Threads;

/// <summary>
/// What a public thread's page tells other sites about it: OpenGraph and Twitter card tags for link previews, the meta
/// description, and a schema.org <c>DiscussionForumPosting</c> for search engines. <paramref name="Description"/> is the
/// opening post's <see cref="PublicExcerpt"/> (null when the opening post is not shown); <paramref name="JsonLd"/> is
/// ready to write inside a script element as it is.
/// </summary>
public sealed record ThreadMeta(string Title, string Url, string? Description, string JsonLd);

/// <summary>
/// Makes a thread page's <see cref="ThreadMeta"/>: only for a thread anyone may read. A members-only or hidden thread
/// gets none, so nothing of it (not even its opening words) reaches a preview or an index.
/// </summary>
public sealed class ThreadMetaBuilder(ThreadReader reader, ForumDbContext db, PublicExcerpt excerpts, IOptions<ForumOptions> options)
{
    /// <summary>ViewData key the thread page's head reads it from.</summary>
    public const string Key = "ThreadMeta";

    // The default encoder escapes <, >, &, ' and every non-ASCII character, so a title holding "</script>" or "<!--"
    // cannot end the script element it is written into: the JSON stays one inert text node.
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.Default };

    public async Task<ThreadMeta?> ForAsync(ThreadPage thread, CancellationToken cancellationToken)
    {
        if (thread.Audience.IsMembersOnly || thread.IsHidden)
        {
            return null;
        }
        // Page 1 holds the opening post already (the page's query count stays as it was); later pages read it.
        var opening = thread.Posts.FirstOrDefault(p => p.IsOpening)
            ?? await reader.AsPostViews(db.Posts.AsNoTracking().Where(p => p.ThreadId == thread.Id && p.IsOpening)).FirstOrDefaultAsync(cancellationToken);
        if (opening is null)
        {
            return null;
        }
        var publicUrl = options.Value.PublicUrl;
        var url = ForumUrls.Absolute(publicUrl, ForumUrls.Thread(thread.Id, thread.Slug));
        // A warned opening post gives no description at all: a link preview cannot be folded behind its warning.
        var description = opening.State == PostState.Visible && PostExcerpts.MayExcerpt(opening.ContentWarnings) ? excerpts.Of(opening.Html) : null;
        var replies = thread.Paging.TotalItems - 1;
        var author = new JsonObject { ["@type"] = "Person", ["name"] = opening.AuthorName };
        if (!FormerMember.IsShownAs(opening.AuthorName))
        {
            author["url"] = ForumUrls.Absolute(publicUrl, ForumUrls.Profile(opening.AuthorName));
        }
        var posting = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "DiscussionForumPosting",
            ["headline"] = thread.Title,
            ["url"] = url,
            ["datePublished"] = W3CDates.Of(opening.CreatedAt),
            ["author"] = author,
            ["commentCount"] = replies,
            ["interactionStatistic"] = new JsonObject
            {
                ["@type"] = "InteractionCounter",
                ["interactionType"] = "https://schema.org/CommentAction",
                ["userInteractionCount"] = replies,
            },
        };
        if (opening.EditedAt is { } edited)
        {
            posting["dateModified"] = W3CDates.Of(edited);
        }
        if (!string.IsNullOrEmpty(description))
        {
            posting["text"] = description;
        }
        return new ThreadMeta(thread.Title, url, string.IsNullOrEmpty(description) ? null : description, posting.ToJsonString(s_json));
    }
}
