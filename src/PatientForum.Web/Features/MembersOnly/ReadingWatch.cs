using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;
using PatientForum.Web.Features.Accounts;
using PatientForum.Web.Infrastructure.Redis;

namespace PatientForum.Web.Features.MembersOnly;

/// <summary>
/// Counts how many members-only threads and profiles each signed-in account opens per window
/// (Forum:MembersOnly:ReadsPerWindow in Forum:MembersOnly:WindowMinutes, windows on the app's <see cref="TimeProvider"/>).
/// Past the limit the account is slowed (the page answers 429 until the window ends) and reported to the moderators
/// once per window, as a <see cref="ReadingAlert"/> that their queue lists and their summary mail counts. Counted like
/// the account-mail limits: in this process, or with Forum:Redis set in Redis, one count for every instance; the
/// database keeps the report to one per window whichever instance makes it. Staff are not counted.
/// </summary>
public sealed partial class ReadingWatch(
    RedisRateLimits shared, IServiceScopeFactory scopes, IOptions<MembersOnlyOptions> options, TimeProvider clock, ILogger<ReadingWatch> logger)
{
    private const string Policy = "members-reading";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Window, int Count)> _counts = [];

    /// <summary>
    /// Counts one read by <paramref name="viewer"/>; returns how long until they may read again when they are past the
    /// limit (the read is then refused), or null.
    /// </summary>
    public async Task<TimeSpan?> ReadAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.UserId is not { } memberId || viewer.IsModerator)
        {
            return null;
        }
        var length = TimeSpan.FromMinutes(options.Value.WindowMinutes);
        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeMilliseconds() / (long)length.TotalMilliseconds;
        var count = await CountAsync(memberId, window, length);
        var limit = options.Value.ReadsPerWindow;
        if (count <= limit)
        {
            return null;
        }
        var start = DateTimeOffset.FromUnixTimeMilliseconds(window * (long)length.TotalMilliseconds);
        if (count == limit + 1)
        {
            await ReportAsync(memberId, start.UtcDateTime, (int)count, now.UtcDateTime, cancellationToken);
        }
        return start + length - now;
    }

    private async Task<long> CountAsync(string memberId, long window, TimeSpan length)
    {
        if (shared.IsEnabled)
        {
            // Without an answer from Redis the read is let through, as every shared limit is.
            return await shared.IncrementAsync(Policy, $"{memberId}:{window.ToString(CultureInfo.InvariantCulture)}", length) ?? 0;
        }
        lock (_gate)
        {
            if (_counts.Count > 10_000)
            {
                // Counts of earlier windows are done with; this keeps the table to about one window's worth.
                foreach (var stale in _counts.Where(c => c.Value.Window != window).Select(c => c.Key).ToList())
                {
                    _counts.Remove(stale);
                }
            }
            var count = _counts.TryGetValue(memberId, out var entry) && entry.Window == window ? entry.Count + 1 : 1;
            _counts[memberId] = (window, count);
            return count;
        }
    }

    private async Task ReportAsync(string memberId, DateTime windowStart, int reads, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        db.ReadingAlerts.Add(new ReadingAlert { UserId = memberId, WindowStart = windowStart, Reads = reads, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            LogReported(reads);
        }
        catch (DbUpdateException)
        {
            // Another instance reported this window already.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An account opened {Reads} members-only pages within one window; reported to the moderators")]
    private partial void LogReported(int reads);
}
