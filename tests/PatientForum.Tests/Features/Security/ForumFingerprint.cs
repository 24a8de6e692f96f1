using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PatientForum.Tests.Features.Moderation;
using PatientForum.Tests.Infrastructure;

namespace PatientForum.Tests.Features.Security;

/// <summary>
/// Everything a request could change that matters to members: accounts (confirmation, two-factor, password,
/// suspension, roles), profiles, threads, posts and their history, flags, the audit log and contact messages. Mail delivery
/// state, security stamps and lockout counters are left out: background workers and sign-ins move them.
/// </summary>
public static class ForumFingerprint
{
    public static Task<string> TakeAsync(ForumFactory forum) => ModerationState.QueryAsync(forum, async db =>
    {
        var text = new StringBuilder();
        foreach (var u in await db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.EmailConfirmed, u.TwoFactorEnabled, u.PasswordHash, u.SuspendedUntil }).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"user {u.Id} {u.EmailConfirmed} {u.TwoFactorEnabled} {u.PasswordHash} {u.SuspendedUntil:O}");
        }
        foreach (var r in await db.UserRoles.OrderBy(r => r.UserId).ThenBy(r => r.RoleId).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"role {r.UserId} {r.RoleId}");
        }
        foreach (var t in await db.Threads.OrderBy(t => t.Id).Select(t => new { t.Id, t.TopicId, t.Title, t.IsLocked, t.IsPinned, t.IsHidden, t.ReplyCount }).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"thread {t.Id} {t.TopicId} {t.Title} {t.IsLocked} {t.IsPinned} {t.IsHidden} {t.ReplyCount}");
        }
        foreach (var p in await db.Posts.OrderBy(p => p.Id).Select(p => new { p.Id, p.ThreadId, p.State, p.Markdown }).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"post {p.Id} {p.ThreadId} {p.State} {p.Markdown}");
        }
        foreach (var f in await db.Flags.OrderBy(f => f.Id).Select(f => new { f.Id, f.PostId, f.FlaggerId, f.IsOpen }).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"flag {f.Id} {f.PostId} {f.FlaggerId} {f.IsOpen}");
        }
        foreach (var c in await db.ContactSubmissions.OrderBy(c => c.Id).Select(c => new { c.Id, c.HandledAt }).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"contact {c.Id} {c.HandledAt:O}");
        }
        foreach (var p in await db.MemberProfiles.OrderBy(p => p.UserId)
            .Select(p => new { p.UserId, p.AboutVisibility, p.ConditionsVisibility, p.AboutMarkdown, p.Conditions }).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"profile {p.UserId} {p.AboutVisibility} {p.ConditionsVisibility} {p.AboutMarkdown} {p.Conditions}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"revisions {await db.Set<Web.Data.PostRevision>().CountAsync()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"log {await db.ModerationActions.CountAsync()}");
        return text.ToString();
    });
}
