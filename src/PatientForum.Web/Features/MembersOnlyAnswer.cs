using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Caching;

namespace PatientForum.Web.Features;

/// <summary>
/// The page shown instead of a members-only thread (or its post's address) to a reader who may not read it: a visitor
/// gets 401 and a sign-in link that comes back to the address, a signed-in member whose email address is not
/// confirmed 403 and the way to confirm it. It names nothing of the thread (no title, no text, no author), is never
/// stored in any cache and asks search engines not to index it. See <see cref="ThreadAccess"/>.
/// </summary>
public sealed record MembersOnlyPage(string ReturnUrl, bool SignedIn);

public static class MembersOnlyAnswer
{
    /// <summary>Set in a page's ViewData to the robots meta tag's content; the layout writes the tag.</summary>
    public const string RobotsKey = "Robots";

    public const string NoIndex = "noindex";

    /// <summary>The members' page for the address requested, as <paramref name="viewer"/> may see it.</summary>
    public static ViewResult For(Controller controller, Viewer viewer)
    {
        var http = controller.HttpContext;
        PageCache.NeverStore(http);
        http.Response.StatusCode = viewer.IsSignedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        controller.ViewData[RobotsKey] = NoIndex;
        var returnUrl = http.Request.Path + http.Request.QueryString;
        return controller.View("MembersOnly", new MembersOnlyPage(returnUrl, viewer.IsSignedIn));
    }

    /// <summary>
    /// The page for a member who opened members-only threads or profiles faster than a person reads
    /// (<see cref="MembersOnly.ReadingWatch"/>): 429, with when they may read again.
    /// </summary>
    public static ViewResult TooFast(Controller controller, TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        controller.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        controller.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        controller.ViewData[RobotsKey] = NoIndex;
        return controller.View("Message", new MessagePage(
            "Slow down a little",
            string.Create(CultureInfo.InvariantCulture,
                $"You have opened a great many members-only threads and profiles in a short time, faster than anyone reads them. You can read again in {minutes} {(minutes == 1 ? "minute" : "minutes")}. The moderators have been told, in case this was not you.")));
    }
}
