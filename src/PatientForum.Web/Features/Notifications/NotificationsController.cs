using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Notifications;

/// <summary>The member's notifications page, opening a notification, and the watch controls on threads and topics.</summary>
[Authorize]
public sealed class NotificationsController(NotificationReader reader, ReadTracker reads, Watching watching, INotificationPush push, TimeProvider clock)
    : Controller
{
    [HttpGet("/notifications")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var model = await reader.GetPageAsync(MemberId, page, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>Marks the notification (with the rest of its entry) read and opens its post (a follow-up prompt, its form).</summary>
    [HttpGet("/notifications/{id:long}")]
    public async Task<IActionResult> Open(long id, CancellationToken cancellationToken)
    {
        if (await reader.OpenAsync(MemberId, id, Now, cancellationToken) is not { } url)
        {
            return NotFound();
        }
        await push.NotificationsChangedAsync([MemberId], cancellationToken);
        return Redirect(url);
    }

    [HttpPost("/notifications/read-all")]
    public async Task<IActionResult> ReadAll(CancellationToken cancellationToken)
    {
        await reader.MarkAllReadAsync(MemberId, Now, cancellationToken);
        await push.NotificationsChangedAsync([MemberId], cancellationToken);
        return Redirect(ForumUrls.Notifications);
    }

    /// <summary>Goes to the first post of the thread the member has not seen ("new since your last visit").</summary>
    [HttpGet("/threads/{id:int}/unread")]
    public async Task<IActionResult> FirstUnread(int id, CancellationToken cancellationToken)
    {
        if (await watching.ForThreadAsync(Viewer.From(User), id, cancellationToken) is null)
        {
            return NotFound();
        }
        var postId = await reads.FirstUnreadPostAsync(MemberId, id, cancellationToken);
        return Redirect(postId is { } unread ? ForumUrls.Post(unread) : ForumUrls.Thread(id));
    }

    [HttpPost("/threads/{id:int}/watch")]
    public async Task<IActionResult> WatchThread(int id, [FromForm] WatchLevel level, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(level))
        {
            return BadRequest("Choose watching, normal or muted.");
        }
        return await watching.SetThreadAsync(Viewer.From(User), id, level, cancellationToken)
            ? Redirect(ForumUrls.Thread(id))
            : NotFound();
    }

    [HttpPost("/t/{slug}/watch")]
    public async Task<IActionResult> WatchTopic(string slug, [FromForm(Name = "watching")] bool on, CancellationToken cancellationToken) =>
        await watching.SetTopicAsync(MemberId, slug, on, cancellationToken)
            ? Redirect(ForumUrls.Topic(slug))
            : NotFound();

    private string MemberId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
