using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Notifications;

/// <summary>The member's choices of what to watch automatically and what to receive by mail.</summary>
public sealed record MailSettingsForm
{
    public bool AutoWatch { get; init; }
    public MailFrequency ReplyMail { get; init; }
    public bool MentionMail { get; init; }
    public bool ModerationMail { get; init; }
    public bool MailIncludesText { get; init; }
}

/// <summary>The notification settings page, and the unsubscribe link that every notification mail carries.</summary>
public sealed class MailSettingsController(ForumDbContext db, UnsubscribeLinks links) : Controller
{
    [Authorize]
    [HttpGet("/account/notifications")]
    public async Task<IActionResult> Settings(bool saved = false, CancellationToken cancellationToken = default)
    {
        var memberId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var form = await db.Users.AsNoTracking().Where(u => u.Id == memberId).Select(u => new MailSettingsForm
        {
            AutoWatch = u.AutoWatch,
            ReplyMail = u.ReplyMail,
            MentionMail = u.MentionMail,
            ModerationMail = u.ModerationMail,
            MailIncludesText = u.MailIncludesText,
        }).SingleAsync(cancellationToken);
        ViewData["Saved"] = saved;
        return View(form);
    }

    [Authorize]
    [HttpPost("/account/notifications")]
    public async Task<IActionResult> Settings(MailSettingsForm form, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(form.ReplyMail))
        {
            ModelState.AddModelError(nameof(form.ReplyMail), "Choose how often to hear of replies.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(form);
        }
        var memberId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        await db.Users.Where(u => u.Id == memberId).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.AutoWatch, form.AutoWatch)
            .SetProperty(u => u.ReplyMail, form.ReplyMail)
            .SetProperty(u => u.MentionMail, form.MentionMail)
            .SetProperty(u => u.ModerationMail, form.ModerationMail)
            .SetProperty(u => u.MailIncludesText, form.MailIncludesText), cancellationToken);
        return Redirect(ForumUrls.NotificationSettings + "?saved=true");
    }

    /// <summary>Where an unsubscribe link leads: says what it stops, with a button, since mail scanners open links.</summary>
    [HttpGet("/notifications/unsubscribe")]
    public IActionResult Unsubscribe(string? token)
    {
        var unsubscribe = links.Read(token, out var expired);
        return unsubscribe is null ? InvalidLink(expired) : View("Unsubscribe", new UnsubscribePage(token!, unsubscribe.Kind, Done: false));
    }

    /// <summary>
    /// Stops the kind of mail the token names, with no sign-in: the button on the page above, or a mail program's
    /// one-click request (RFC 8058). The signed token is what authorises it, so the form token is not asked for.
    /// </summary>
    [HttpPost("/notifications/unsubscribe")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> UnsubscribeConfirmed(string? token, CancellationToken cancellationToken)
    {
        if (links.Read(token, out var expired) is not { } unsubscribe)
        {
            return InvalidLink(expired);
        }
        var member = db.Users.Where(u => u.Id == unsubscribe.MemberId);
        await (unsubscribe.Kind switch
        {
            MailKind.Replies => member.ExecuteUpdateAsync(set => set.SetProperty(u => u.ReplyMail, MailFrequency.Never), cancellationToken),
            MailKind.Mentions => member.ExecuteUpdateAsync(set => set.SetProperty(u => u.MentionMail, false), cancellationToken),
            _ => member.ExecuteUpdateAsync(set => set.SetProperty(u => u.ModerationMail, false), cancellationToken),
        });
        return View("Unsubscribe", new UnsubscribePage(token!, unsubscribe.Kind, Done: true));
    }

    private ViewResult InvalidLink(bool expired)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("UnsubscribeInvalid", expired);
    }
}

public sealed record UnsubscribePage(string Token, MailKind Kind, bool Done)
{
    public string What => Kind switch
    {
        MailKind.Replies => "mail about replies",
        MailKind.Mentions => "mail when someone mentions or quotes you",
        _ => "mail when a moderator acts on your posts",
    };
}
