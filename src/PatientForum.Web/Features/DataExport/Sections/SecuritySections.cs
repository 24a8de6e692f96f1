using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.DataExport.Sections;

/// <summary>One entry of the member's security activity: what happened, when, and the browser it was done from.</summary>
public sealed record ExportSecurityEvent(string Kind, DateTime At, string Client);

/// <summary>A display name the member gave up, and until when nobody else may take it.</summary>
public sealed record ExportNameChange(string OldName, string NewName, DateTime ChangedAt, DateTime ReservedUntil);

/// <summary>security-activity.json: sign-ins and changes to the account, as the member's activity page lists them.</summary>
public sealed class SecurityActivitySection(ForumDbContext db) : IExportSection
{
    public string FileName => "security-activity.json";

    public string Title => "Your security activity";

    public async IAsyncEnumerable<object> RowsAsync(ExportSubject subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.SecurityEvents.AsNoTracking().Where(e => e.UserId == subject.UserId).OrderBy(e => e.Id)
            .Select(e => new { e.Kind, e.At, e.Client }).AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(cancellationToken))
        {
            yield return new ExportSecurityEvent(e.Kind.ToString(), e.At, e.Client);
        }
    }
}

/// <summary>name-history.json: the member's display-name changes.</summary>
public sealed class NameHistorySection(ForumDbContext db) : IExportSection
{
    public string FileName => "name-history.json";

    public string Title => "Your earlier display names";

    public async IAsyncEnumerable<object> RowsAsync(ExportSubject subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = db.DisplayNameHistory.AsNoTracking().Where(h => h.UserId == subject.UserId).OrderBy(h => h.Id)
            .Select(h => new ExportNameChange(h.OldName, h.NewName, h.ChangedAt, h.ReservedUntil)).AsAsyncEnumerable();
        await foreach (var change in rows.WithCancellation(cancellationToken))
        {
            yield return change;
        }
    }
}
