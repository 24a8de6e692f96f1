using PatientForum.Web.Data;

namespace PatientForum.Web.Infrastructure.Email;

/// <summary>How much mail waits in the outbox and how much failed for good.</summary>
public sealed record OutboxTally(long Pending, long Failed);

/// <summary>
/// Counts the outbox for the metrics gauges, at most once every <see cref="RefreshInterval"/>: a scraper that asks
/// every few seconds, or two gauges read in one scrape, cost one query between them. The count is the database's, so
/// with several instances each reports the same figure.
/// </summary>
public sealed partial class OutboxCounts(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxCounts> logger)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private OutboxTally _last = new(0, 0);
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>
    /// The counts, read again when the last reading is older than <see cref="RefreshInterval"/>. Gauges are read
    /// synchronously by the exporter, so this queries synchronously; a failed query keeps the last reading.
    /// </summary>
    public OutboxTally Read()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (now - _readAt < RefreshInterval)
            {
                return _last;
            }
            _readAt = now;
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
                var counts = db.OutboxMessages
                    .Where(m => m.Status != OutboxStatus.Sent)
                    .GroupBy(m => m.Status)
                    .Select(g => new { Status = g.Key, Count = g.LongCount() })
                    .ToList();
                _last = new OutboxTally(
                    counts.Where(c => c.Status == OutboxStatus.Pending).Sum(c => c.Count),
                    counts.Where(c => c.Status == OutboxStatus.Failed).Sum(c => c.Count));
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
            {
                CountFailed(logger, ex.GetType().Name);
            }
            return _last;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox could not be counted for the metrics ({Error}); the last count is reported.")]
    private static partial void CountFailed(ILogger logger, string error);
}
