using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Email;

namespace PatientForum.Web.Features.Contact;

public sealed record DeliveryView(int Id, string To, OutboxStatus Status, int Attempts, string? LastError, DateTime? SentAt)
{
    /// <summary>Pending, sent, retrying (with the last error) or failed, as the moderator page shows it.</summary>
    public string Label => Status switch
    {
        OutboxStatus.Sent => "sent",
        OutboxStatus.Failed => "failed",
        _ when LastError is not null => "retrying",
        _ => "pending",
    };
}

public sealed record SubmissionView(
    int Id, string Reference, string Name, string Email, ContactSubject Subject, string Message, DateTime CreatedAt, DateTime? HandledAt,
    IReadOnlyList<DeliveryView> Deliveries);

public sealed record ContactInboxPage(IReadOnlyList<SubmissionView> Submissions, Paging Paging);

/// <summary>Contact submissions and their delivery, for moderators only.</summary>
[Authorize(Policy = ForumPolicies.Moderator)]
[Route("moderation/contact")]
public sealed class ContactInboxController(ForumDbContext db, MailSignal mail, UserManager<ForumUser> users, TimeProvider clock) : Controller
{
    private const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var paging = new Paging(page, PageSize, await db.ContactSubmissions.CountAsync(cancellationToken));
        if (!paging.IsValid)
        {
            return NotFound();
        }
        var submissions = await db.ContactSubmissions.AsNoTracking()
            .OrderByDescending(c => c.Id)
            .Skip(paging.Skip).Take(PageSize)
            .Select(c => new SubmissionView(c.Id, c.Reference, c.Name, c.Email, c.Subject, c.Message, c.CreatedAt, c.HandledAt,
                c.Deliveries.OrderBy(d => d.Id).Select(d => new DeliveryView(d.Id, d.To, d.Status, d.Attempts, d.LastError, d.SentAt)).ToList()))
            .ToListAsync(cancellationToken);
        return View(new ContactInboxPage(submissions, paging));
    }

    /// <summary>Sends a failed delivery again from the start of its backoff.</summary>
    [HttpPost("{id:int}/retry")]
    public async Task<IActionResult> Retry(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var retried = await db.OutboxMessages
            .Where(m => m.ContactSubmissionId == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
        mail.Wake();
        return retried == 0 && !await db.ContactSubmissions.AnyAsync(c => c.Id == id, cancellationToken)
            ? NotFound()
            : LocalRedirect(ForumUrls.ContactMessage(id));
    }

    [HttpPost("{id:int}/handled")]
    public async Task<IActionResult> Handled(int id, CancellationToken cancellationToken)
    {
        var submission = await db.ContactSubmissions.FindAsync([id], cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }
        submission.HandledAt ??= clock.GetUtcNow().UtcDateTime;
        submission.HandledById ??= users.GetUserId(User);
        await db.SaveChangesAsync(cancellationToken);
        return LocalRedirect(ForumUrls.ContactMessage(id));
    }
}
