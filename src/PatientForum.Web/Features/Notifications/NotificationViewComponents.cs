using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Notifications;

/// <summary>The bell in the header: a link to the notifications page with the unread count, which live.js keeps current.</summary>
public sealed class NotificationBell(NotificationReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } memberId)
        {
            return Content("");
        }
        var unread = await reader.UnreadCountAsync(memberId, HttpContext.RequestAborted);
        return View("/Features/Notifications/Views/Components/NotificationBell.cshtml", unread);
    }
}

/// <summary>The control under a thread's title that chooses watching, normal or muted.</summary>
public sealed class ThreadWatchControl(Watching watching) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int threadId)
    {
        var model = await watching.ForThreadAsync(Viewer.From(UserClaimsPrincipal), threadId, HttpContext.RequestAborted);
        return model is null ? Content("") : View("/Features/Notifications/Views/Components/ThreadWatchControl.cshtml", model);
    }
}

/// <summary>The control on a topic page that watches every thread in it.</summary>
public sealed class TopicWatchControl(Watching watching) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string topicSlug)
    {
        if (UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } memberId
            || await watching.ForTopicAsync(memberId, topicSlug, HttpContext.RequestAborted) is not { } model)
        {
            return Content("");
        }
        return View("/Features/Notifications/Views/Components/TopicWatchControl.cshtml", model);
    }
}
