using System.Collections.Concurrent;

namespace PatientForum.Web.Infrastructure.Redis;

/// <summary>
/// Logs that Redis could not be reached, at most once a minute per use (page cache, presence, rate limits), so an
/// outage is visible without a warning on every request.
/// </summary>
public sealed partial class RedisOutage(ILogger<RedisOutage> logger, TimeProvider clock)
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWarning = new(StringComparer.Ordinal);

    public void Failed(string use, string fallback, Exception exception)
    {
        var now = clock.GetUtcNow();
        var last = _lastWarning.GetOrAdd(use, DateTimeOffset.MinValue);
        if (now - last >= QuietPeriod && _lastWarning.TryUpdate(use, now, last))
        {
            LogUnreachable(use, fallback, exception.GetType().Name, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unreachable for {Use}: {Fallback}. {ErrorType}: {Error}")]
    private partial void LogUnreachable(string use, string fallback, string errorType, string error);
}
