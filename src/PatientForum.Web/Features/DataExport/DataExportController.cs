using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace PatientForum.Web.Features.DataExport;

/// <summary>The member's page for a copy of their data (<c>/account/export</c>).</summary>
public sealed record DataExportPage(ExportStatus? Latest, DateTime Now, int KeepHours);

/// <summary>
/// A member asks for a copy of everything they gave the forum and downloads it once the worker has made it. Any
/// signed-in member may, suspended or not: the data is theirs either way. Only the member downloads their own export,
/// and only admins one that an admin asked for; anyone else is told there is no such file.
/// </summary>
[Authorize]
public sealed class DataExportController(
    DataExportService exports, DataExportLimits limits, IOptions<DataExportOptions> options, TimeProvider clock) : Controller
{
    [HttpGet("/account/export")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(cancellationToken));

    [HttpPost("/account/export")]
    public async Task<IActionResult> Prepare(CancellationToken cancellationToken)
    {
        // Asking again while one is queued gives that one, so it takes no permit.
        if (!await exports.HasQueuedAsync(MemberId, null, cancellationToken) && await limits.TakeAsync(MemberId, cancellationToken) is { } wait)
        {
            var hours = Math.Max(1, (int)Math.Ceiling(wait.TotalHours));
            ModelState.AddModelError("", $"You have asked for several exports today. You can ask again in {hours} hour{(hours == 1 ? "" : "s")}.");
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(nameof(Index), await PageAsync(cancellationToken));
        }
        await exports.RequestAsync(MemberId, null, cancellationToken);
        return Redirect(ForumUrls.DataExport);
    }

    [HttpGet("/account/export/{id:guid}/download")]
    public async Task<IActionResult> Download(Guid id, [FromServices] ExportDownloads downloads, CancellationToken cancellationToken)
    {
        // Never kept by a browser or a proxy, whoever asks and whatever the answer.
        Response.Headers.CacheControl = "no-store";
        return await downloads.FindAsync(id, User, cancellationToken) switch
        {
            ExportDownload.Ready(var path, var name) => PhysicalFile(path, "application/zip", name),
            ExportDownload.Expired => Gone(),
            _ => NotFound(),
        };
    }

    private ViewResult Gone()
    {
        Response.StatusCode = StatusCodes.Status410Gone;
        return View("Message", new MessagePage("This export has expired",
            "The file was deleted when its time was up. You can ask for a new one on the Export my data page."));
    }

    private async Task<DataExportPage> PageAsync(CancellationToken cancellationToken) =>
        new(await exports.LatestOwnAsync(MemberId, cancellationToken), Now, options.Value.KeepHours);

    private string MemberId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
