using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Notifications;
using PatientForum.Web.Infrastructure.Html;

namespace PatientForum.Web.Features.Profiles;

/// <summary>
/// Renders a post as <see cref="IPostRenderer"/> does (Markdown, then the sanitizer) and then links each @mention of a
/// member to their profile: <c>&lt;a href="/u/Name" class="mention"&gt;@Name&lt;/a&gt;</c>. Mentions are found as the
/// notifications find them (<see cref="Mentions"/>; the longest name that is a confirmed member's wins), in the text
/// of the sanitized HTML, never inside a link or code. The links are added after sanitizing, built here from the
/// member's name, so the sanitizer keeps refusing class attributes from posts (a post cannot dress a link up as a
/// mention), and the written text stays exactly as it was. Like the rest of a post's HTML this runs once, at save:
/// posts saved before it still render as they were, with their @names as plain text.
/// </summary>
public sealed class MentionLinks(IPostRenderer renderer, ForumDbContext db)
{
    /// <summary>The most @s one post has linked: far more than a conversation needs, and the lookup stays small.</summary>
    public const int MaxMentions = 50;

    /// <summary>The post's HTML to store (or preview), with its mentions of members linked.</summary>
    public async Task<string> RenderAsync(string markdown, CancellationToken cancellationToken)
    {
        var html = renderer.Render(markdown);
        return html.Contains('@', StringComparison.Ordinal) ? await LinkAsync(html, cancellationToken) : html;
    }

    private async Task<string> LinkAsync(string html, CancellationToken cancellationToken)
    {
        var document = new HtmlParser().ParseDocument("");
        var body = document.Body!;
        body.InnerHtml = html;
        var found = body.Descendants<IText>()
            .Where(text => text.Data.Contains('@', StringComparison.Ordinal) && !InLinkOrCode(text))
            .Select(text => (Text: text, Mentions: Mentions.Find(text.Data)))
            .Where(t => t.Mentions.Count > 0)
            .ToList();
        var names = found.SelectMany(t => t.Mentions).Take(MaxMentions).SelectMany(m => m.Names).Select(n => n.Name).Distinct().ToList();
        if (names.Count == 0)
        {
            return html;
        }
        var members = await db.Users.AsNoTracking()
            .Where(u => names.Contains(u.NormalizedDisplayName) && !u.IsSystem && u.EmailConfirmed)
            .Select(u => new { u.NormalizedDisplayName, u.DisplayName })
            .ToDictionaryAsync(u => u.NormalizedDisplayName, u => u.DisplayName, cancellationToken);
        var linked = 0;
        foreach (var (text, mentions) in found)
        {
            linked += Link(text, mentions, members);
        }
        return linked == 0 ? html : body.InnerHtml;
    }

    /// <summary>Replaces the mentions of members in one text node by links, keeping the text around them; returns how many.</summary>
    private static int Link(IText text, IReadOnlyList<MentionAt> mentions, Dictionary<string, string> members)
    {
        var parent = text.Parent!;
        var data = text.Data;
        var (done, linked) = (0, 0);
        foreach (var mention in mentions)
        {
            if (mention.Names.FirstOrDefault(n => members.ContainsKey(n.Name)) is not { } name || mention.Index < done)
            {
                continue;
            }
            var owner = text.Owner!;
            if (mention.Index > done)
            {
                parent.InsertBefore(owner.CreateTextNode(data[done..mention.Index]), text);
            }
            var link = owner.CreateElement("a");
            link.SetAttribute("href", ForumUrls.Profile(members[name.Name]));
            link.SetAttribute("class", "mention");
            link.TextContent = data.Substring(mention.Index, name.Length);
            parent.InsertBefore(link, text);
            done = mention.Index + name.Length;
            linked++;
        }
        text.Data = data[done..];
        return linked;
    }

    private static bool InLinkOrCode(INode node) =>
        node.GetAncestors().OfType<IElement>().Any(e => e.LocalName is "a" or "code" or "pre");
}
