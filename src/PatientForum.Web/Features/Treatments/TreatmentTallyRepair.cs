using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientForum.Web.Data;

namespace PatientForum.Web.Features.Treatments;

/// <summary>
/// Once at start-up, counts again from scratch each treatment whose rows an update cannot be trusted to keep: one with
/// a record that has no <see cref="TreatmentTally"/> (counted before tallies were kept, or the process stopped between
/// saving a story and counting it), and one whose rows hold a different number of follow-up points than
/// Forum:Treatments:FollowUpPrompts now lists. Both are rare; finding them reads an index, not the records.
/// </summary>
public sealed partial class TreatmentTallyRepair(IServiceScopeFactory scopes, IOptions<TreatmentOptions> options, ILogger<TreatmentTallyRepair> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RepairAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            LogFailed(ex.GetType().Name);
        }
    }

    /// <summary>Counts the treatments that need it again; returns how many.</summary>
    public async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        var untallied = await db.TreatmentRecords.Where(r => !db.TreatmentTallies.Any(t => t.RecordId == r.Id))
            .Select(r => r.TreatmentId).Distinct().ToListAsync(cancellationToken);
        var points = options.Value.PromptDays.Count;
        var reshaped = (await db.TreatmentAggregates.Where(a => a.BodyArea == 0 && a.Scope == ChartScope.Members)
            .Select(a => new { a.TreatmentId, a.FollowUpPain }).ToListAsync(cancellationToken))
            .Where(a => (a.FollowUpPain.Length == 0 ? 0 : a.FollowUpPain.Split(';').Length) != points).Select(a => a.TreatmentId);
        var treatments = untallied.Union(reshaped).ToList();
        var aggregator = scope.ServiceProvider.GetRequiredService<TreatmentAggregator>();
        foreach (var treatmentId in treatments)
        {
            await aggregator.TreatmentChangedAsync(treatmentId, cancellationToken);
        }
        if (treatments.Count > 0)
        {
            LogRepaired(treatments.Count);
        }
        return treatments.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counted the charts of {Count} treatments again from their records")]
    private partial void LogRepaired(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the treatment charts failed: {ErrorType}")]
    private partial void LogFailed(string errorType);
}
