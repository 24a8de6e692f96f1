using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;

namespace PatientForum.Web.Features.Aliases;

/// <summary>An alias as its member and the composer see it.</summary>
public sealed record AliasView(int Number, string UserId, string DisplayName);

/// <summary>
/// Finds and makes members' aliases. An alias is made the first time its member posts under it in a topic (never when
/// the composer opens), with a random number that says nothing of the member, and an account of its own that the
/// posts are written by: it has no address, no password and is locked, so nobody signs in as it.
/// </summary>
public sealed class AliasDirectory(ForumDbContext db, TimeProvider clock)
{
    /// <summary>How many random numbers are tried at one length before a digit is added.</summary>
    private const int TriesPerLength = 12;

    /// <summary>The member's alias in the topic, or null when they have not posted under one there yet.</summary>
    public Task<AliasView?> FindAsync(string memberId, int topicId, CancellationToken cancellationToken) =>
        db.MemberAliases.AsNoTracking()
            .Where(a => a.OwnerId == memberId && a.TopicId == topicId)
            .Select(a => new AliasView(a.Number, a.AliasUserId, a.AliasUser!.DisplayName))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The member's alias in the topic, made now if they have none; two posts at once still make one.</summary>
    public async Task<AliasView> ForPostingAsync(string memberId, int topicId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await FindAsync(memberId, topicId, cancellationToken) is { } found)
            {
                return found;
            }
            try
            {
                return await CreateAsync(memberId, topicId, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another request made the member's alias here at the same moment, or took the number: read or try again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<AliasView> CreateAsync(string memberId, int topicId, CancellationToken cancellationToken)
    {
        var autoWatch = await db.Users.Where(u => u.Id == memberId).Select(u => u.AutoWatch).SingleAsync(cancellationToken);
        var number = await FreeNumberAsync(cancellationToken);
        var name = AliasName.DisplayName(number);
        var userName = "alias-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var account = new ForumUser
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = name,
            NormalizedDisplayName = DisplayNames.Normalize(AliasName.MentionName(number)),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
            AutoWatch = autoWatch,
            ReplyMail = MailFrequency.Never,
            MentionMail = false,
            ModerationMail = false,
        };
        db.Users.Add(account);
        db.MemberAliases.Add(new MemberAlias
        {
            Number = number, TopicId = topicId, OwnerId = memberId, AliasUserId = account.Id, CreatedAt = account.CreatedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new AliasView(number, account.Id, name);
    }

    /// <summary>A random number no alias has: four digits while they last, then five, and so on.</summary>
    private async Task<int> FreeNumberAsync(CancellationToken cancellationToken)
    {
        for (var (low, high) = (AliasName.FirstNumber, 10 * AliasName.FirstNumber); ; (low, high) = (high, 10 * high))
        {
            for (var tries = 0; tries < TriesPerLength; tries++)
            {
                var number = RandomNumberGenerator.GetInt32(low, high);
                if (!await db.MemberAliases.AnyAsync(a => a.Number == number, cancellationToken))
                {
                    return number;
                }
            }
        }
    }
}
