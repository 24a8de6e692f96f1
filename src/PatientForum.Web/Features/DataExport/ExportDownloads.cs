using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.DataExport;

/// <summary>What a download link leads to for the one who opened it.</summary>
public abstract record ExportDownload
{
    public sealed record Ready(string Path, string DownloadName) : ExportDownload;

    public sealed record Expired : ExportDownload;

    /// <summary>No such export, not theirs, or not made yet: all answered alike, so an id tells a stranger nothing.</summary>
    public sealed record None : ExportDownload;
}

/// <summary>Decides who may download an export: its member when they asked, admins (active ones) when an admin did.</summary>
public sealed class ExportDownloads(ForumDbContext db, ExportFolder folder, IAuthorizationService authorization, TimeProvider clock)
{
    public async Task<ExportDownload> FindAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var export = await db.MemberExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (export is null || !await MayReadAsync(export, user))
        {
            return new ExportDownload.None();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (export.State == MemberExportState.Expired || (export.State == MemberExportState.Ready && export.ExpiresAt <= now))
        {
            return new ExportDownload.Expired();
        }
        if (export.State != MemberExportState.Ready || export.FileName is null || !File.Exists(folder.PathOf(export.FileName)))
        {
            return new ExportDownload.None();
        }
        var made = export.CompletedAt!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new ExportDownload.Ready(folder.PathOf(export.FileName), $"patientforum-data-{made}.zip");
    }

    private async Task<bool> MayReadAsync(MemberExport export, ClaimsPrincipal user) => export.RequestedById is null
        ? export.UserId == user.FindFirstValue(ClaimTypes.NameIdentifier)
        : (await authorization.AuthorizeAsync(user, ForumPolicies.Admin)).Succeeded;
}
