using Microsoft.EntityFrameworkCore;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Accounts;

/// <summary>
/// Brings every member's NormalizedDisplayName to the current <see cref="DisplayNames.Normalize"/> at start, so
/// names saved under an earlier rule (upper case only) still block their look-alikes. Only rows whose value differs
/// are written, so after the first start this reads the names and writes nothing. Where two existing names share a
/// skeleton, the older member gets it and the other keeps their old value (their name stays theirs; look-alikes of
/// the older one are still refused).
/// </summary>
public sealed partial class DisplayNameSkeletons(IServiceScopeFactory scopes, ILogger<DisplayNameSkeletons> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var users = await db.Users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        var taken = users.Select(u => u.NormalizedDisplayName).ToHashSet(StringComparer.Ordinal);
        foreach (var user in users)
        {
            var skeleton = DisplayNames.Normalize(user.DisplayName);
            if (skeleton == user.NormalizedDisplayName)
            {
                continue;
            }
            if (!taken.Add(skeleton))
            {
                SkeletonTaken(logger, user.Id);
                continue;
            }
            user.NormalizedDisplayName = skeleton;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member {UserId} keeps an older normalized display name: an older member's name looks the same")]
    private static partial void SkeletonTaken(ILogger logger, string userId);
}
