using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Moderation;

public sealed record AuditEntry(
    long Id, DateTime CreatedAt, string ActorName, ModerationKind Kind, int? PostId, int? ThreadId, string? TargetUserId, string? TargetName,
    string? Reason, string? Details);

public sealed record AuditLogPage(IReadOnlyList<AuditEntry> Entries, Paging Paging);

/// <summary>The audit log, newest first. It can be read; nothing here, or anywhere, changes it.</summary>
[Authorize(Policy = ForumPolicies.Moderator)]
public sealed class AuditLogController(ForumDbContext db) : Controller
{
    private const int PageSize = 50;

    /// <summary>Who the log names for a change made from the command line (users add-role and remove-role).</summary>
    public const string CommandLineActor = "command line";

    [HttpGet("/moderation/log")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var paging = new Paging(page, PageSize, await db.ModerationActions.CountAsync(cancellationToken));
        if (!paging.IsValid)
        {
            return NotFound();
        }
        var entries = await db.ModerationActions.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Skip(paging.Skip).Take(PageSize)
            .Select(a => new AuditEntry(a.Id, a.CreatedAt, a.Actor == null ? CommandLineActor : a.Actor.DisplayName, a.Kind, a.PostId, a.ThreadId, a.TargetUserId,
                a.TargetUser == null ? null : a.TargetUser.DisplayName, a.Reason, a.Details))
            .ToListAsync(cancellationToken);
        return View(new AuditLogPage(entries, paging));
    }
}
