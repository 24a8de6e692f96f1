using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PatientForum.Web.Data;

namespace PatientForum.Web.Infrastructure.Metrics;

/// <summary>
/// Counts the posts and flags each save adds, once the save has gone through, whichever feature saved them: the
/// counters then need no line in the code that posts or flags. Does nothing while metrics are off.
/// </summary>
public sealed class SavedEntityCounter(ForumMetrics metrics) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Added> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Count(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null || !metrics.IsCollecting)
        {
            return;
        }
        var added = new Added(
            context.ChangeTracker.Entries<Post>().Count(entry => entry.State == EntityState.Added),
            context.ChangeTracker.Entries<Flag>().Count(entry => entry.State == EntityState.Added));
        _pending.AddOrUpdate(context, added);
    }

    private void Count(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var added))
        {
            return;
        }
        _pending.Remove(context);
        if (added.Posts > 0)
        {
            metrics.PostsCreated(added.Posts);
        }
        if (added.Flags > 0)
        {
            metrics.FlagsRaised(added.Flags);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private sealed record Added(int Posts, int Flags);
}
