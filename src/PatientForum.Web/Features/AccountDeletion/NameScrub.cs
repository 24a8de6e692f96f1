using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Profiles;
using PatientForum.Web.Infrastructure.Text;

namespace PatientForum.Web.Features.AccountDeletion;

/// <summary>
/// Takes a deleted member's name out of what stays: quotes of them (<c>> **Name** [wrote](/posts/1):</c>) keep the
/// words but say "Former member", @mentions of them keep their text under that name and link nowhere, and other
/// members' posts, earlier versions, thread titles and unsent mail lose the name too. A name that is one plain word
/// ("Hope") is replaced only where it is a mention or a quote's attribution, so that ordinary words stay as written.
/// </summary>
public sealed class NameScrub(ForumDbContext db, MentionLinks renderer)
{
    private static readonly TimeSpan s_matchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Replaces the name wherever it is kept; returns the threads whose pages now read differently.</summary>
    [SuppressMessage("Globalization", "CA1304", Justification = "Inside a query: EF translates ToLower() to SQL lower(); no .NET culture is involved.")]
    [SuppressMessage("Globalization", "CA1311", Justification = "Inside a query: EF translates ToLower() to SQL lower().")]
    [SuppressMessage("Performance", "CA1862", Justification = "Inside a query: string.Equals with a comparison does not translate to SQL.")]
    public async Task<IReadOnlySet<int>> ReplaceAsync(string name, CancellationToken cancellationToken)
    {
        var pattern = PatternFor(name);
        var lower = name.ToLowerInvariant();
        var threads = new HashSet<int>();

        var posts = await db.Posts.Where(p => p.Markdown.ToLower().Contains(lower)).ToListAsync(cancellationToken);
        foreach (var post in posts.Where(p => pattern.IsMatch(p.Markdown)))
        {
            post.Markdown = Replace(pattern, post.Markdown);
            post.Html = await renderer.RenderAsync(post.Markdown, cancellationToken);
            threads.Add(post.ThreadId);
        }
        var revisions = await db.PostRevisions.Where(r => r.Markdown.ToLower().Contains(lower)).ToListAsync(cancellationToken);
        foreach (var revision in revisions.Where(r => pattern.IsMatch(r.Markdown)))
        {
            revision.Markdown = Replace(pattern, revision.Markdown);
            revision.Html = await renderer.RenderAsync(revision.Markdown, cancellationToken);
        }
        var titled = await db.Threads.Where(t => t.Title.ToLower().Contains(lower)).ToListAsync(cancellationToken);
        foreach (var thread in titled.Where(t => pattern.IsMatch(t.Title)))
        {
            thread.Title = Replace(pattern, thread.Title);
            thread.Slug = Slug.From(thread.Title);
            threads.Add(thread.Id);
        }
        var mail = await db.OutboxMessages
            .Where(m => m.Subject.ToLower().Contains(lower) || m.TextBody.ToLower().Contains(lower))
            .ToListAsync(cancellationToken);
        foreach (var message in mail)
        {
            message.Subject = Replace(pattern, message.Subject);
            message.TextBody = Replace(pattern, message.TextBody);
        }
        await db.SaveChangesAsync(cancellationToken);
        return threads;
    }

    private static string Replace(Regex pattern, string text) =>
        pattern.Replace(text, m => m.Value[0] switch
        {
            '@' => "@" + FormerMember.DisplayName,
            '*' => $"**{FormerMember.DisplayName}**",
            _ => FormerMember.DisplayName,
        });

    /// <summary>The name as a mention or a quote's attribution, and, unless it is a single plain word, as a whole name anywhere.</summary>
    private static Regex PatternFor(string name)
    {
        var escaped = Regex.Escape(name);
        var forms = $@"@{escaped}(?![\p{{L}}\p{{N}}_])|\*\*{escaped}\*\*";
        if (!name.All(char.IsLetter))
        {
            forms += $@"|(?<![\p{{L}}\p{{N}}_]){escaped}(?![\p{{L}}\p{{N}}_])";
        }
        return new Regex(forms, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_matchTimeout);
    }
}
