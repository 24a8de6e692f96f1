using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.DataExport;

public sealed record AdminExportPage(string UserId, string DisplayName, IReadOnlyList<ExportStatus> Exports, DateTime Now);

/// <summary>
/// An admin exports a member's data for a member who cannot sign in (a lost address, a request by letter). The file is
/// the admins' to download and hand over, never the member's account's; each request is in the audit log.
/// </summary>
[Authorize(Policy = ForumPolicies.Admin)]
[Route("admin/users/{id}/export")]
public sealed class AdminExportController(ForumDbContext db, DataExportService exports, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string id, CancellationToken cancellationToken)
    {
        var name = await MemberNameAsync(id, cancellationToken);
        return name is null
            ? NotFound()
            : View(new AdminExportPage(id, name, await exports.ByAdminsAsync(id, cancellationToken), clock.GetUtcNow().UtcDateTime));
    }

    [HttpPost("")]
    public async Task<IActionResult> Prepare(string id, CancellationToken cancellationToken)
    {
        if (await MemberNameAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        await exports.RequestAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        return Redirect(ForumUrls.AdminExport(id));
    }

    private Task<string?> MemberNameAsync(string id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == id && !u.IsSystem).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
}
