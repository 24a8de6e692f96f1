using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.DataExport.Sections;

public sealed record ExportSettings(bool AutoWatch, MailFrequency ReplyMail, bool MentionMail, bool ModerationMail, bool MailIncludesText);

public sealed record ExportProfile(
    string AboutMarkdown, ProfileVisibility AboutVisibility, IReadOnlyList<string> Conditions, ProfileVisibility ConditionsVisibility, DateTime UpdatedAt);

public sealed record ExportAccount(
    string DisplayName, string? Email, bool EmailConfirmed, DateTime JoinedAt, bool TwoFactorEnabled, DateTime? SuspendedUntil,
    string? SuspensionReason, ExportSettings Settings, ExportProfile? Profile);

/// <summary>account.json: the account, its notification settings and the profile, with who may read each part.</summary>
public sealed class AccountSection(ForumDbContext db) : IExportSection
{
    public string FileName => "account.json";

    public string Title => "Your account and settings";

    public bool IsSingle => true;

    public async IAsyncEnumerable<object> RowsAsync(ExportSubject subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == subject.UserId).SingleAsync(cancellationToken);
        var profile = await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == subject.UserId, cancellationToken);
        yield return new ExportAccount(
            user.DisplayName, user.Email, user.EmailConfirmed, user.CreatedAt, user.TwoFactorEnabled, user.SuspendedUntil, user.SuspensionReason,
            new ExportSettings(user.AutoWatch, user.ReplyMail, user.MentionMail, user.ModerationMail, user.MailIncludesText),
            profile is null ? null : new ExportProfile(
                profile.AboutMarkdown, profile.AboutVisibility,
                profile.Conditions.Split('\n', StringSplitOptions.RemoveEmptyEntries), profile.ConditionsVisibility, profile.UpdatedAt));
    }
}
