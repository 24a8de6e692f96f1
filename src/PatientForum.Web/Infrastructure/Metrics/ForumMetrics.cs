using System.Diagnostics.Metrics;
using PatientForum.Web.Infrastructure.Email;

namespace PatientForum.Web.Infrastructure.Metrics;

/// <summary>
/// The forum's own meter, <c>PatientForum</c>, and every instrument on it, defined here and nowhere else. Counters are
/// raised where their event happens; gauges read cheap counts when a scrape asks for them. With metrics off nothing
/// listens, and each instrument reports <see cref="Instrument.Enabled"/> false, so the code that raises them can skip
/// any work of its own.
/// </summary>
public sealed class ForumMetrics
{
    public const string MeterName = "PatientForum";

    private readonly Counter<long> _postsCreated;
    private readonly Counter<long> _flagsRaised;
    private readonly Counter<long> _pageCacheHits;
    private readonly Counter<long> _pageCacheMisses;

    public ForumMetrics(IMeterFactory meters, OutboxCounts outbox, IEnumerable<ILiveConnectionCount> live)
    {
        var meter = meters.Create(MeterName);
        _postsCreated = meter.CreateCounter<long>("patientforum.posts.created", "{post}",
            "Posts saved on this instance (opening posts of new threads and replies).");
        _flagsRaised = meter.CreateCounter<long>("patientforum.flags.raised", "{flag}",
            "Flags members raised on posts through this instance.");
        _pageCacheHits = meter.CreateCounter<long>("patientforum.page_cache.hits", "{request}",
            "Visitors' page requests answered from the page cache.");
        _pageCacheMisses = meter.CreateCounter<long>("patientforum.page_cache.misses", "{request}",
            "Visitors' page requests the page cache did not hold, rendered from the database.");
        meter.CreateObservableGauge("patientforum.outbox.pending", () => outbox.Read().Pending, "{message}",
            "Mail in the outbox waiting to be sent, for every instance (read at most every few seconds).");
        meter.CreateObservableGauge("patientforum.outbox.failed", () => outbox.Read().Failed, "{message}",
            "Mail the server refused for good, waiting for a moderator to retry it (read at most every few seconds).");
        var sources = live.ToList();
        meter.CreateObservableGauge("patientforum.live.connections", () => sources.Sum(source => source.Count), "{connection}",
            "Live connections to this instance that follow a thread.");
    }

    /// <summary>True while anything collects the forum's counters (metrics are on).</summary>
    public bool IsCollecting => _postsCreated.Enabled;

    public void PostsCreated(int count) => _postsCreated.Add(count);

    public void FlagsRaised(int count) => _flagsRaised.Add(count);

    public void PageCacheLookup(bool hit) => (hit ? _pageCacheHits : _pageCacheMisses).Add(1);
}
